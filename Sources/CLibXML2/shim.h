// libxml2's headers pull in the system ICU when libxml2 was built with it; Foundation ships its own
// ICU module, and the two clash. Bilat uses no ICU-specific libxml2 API, so hide that part.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlstring.h>
