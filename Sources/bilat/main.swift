import Foundation

// Top-level code rather than @main so that the exit status follows cli.md (1 fixable, 2 usage).
exit(Bilat.run(arguments: Array(CommandLine.arguments.dropFirst())))
