import Foundation
import PackagePlugin

/// Embeds the project's data into the target that uses this plugin:
/// `BilatQuery` gets `Schema/*.sql`, `BilatIngest` gets `Data/**/*.json`.
///
/// Both folders live at the package root (the user's design card), so the plugin
/// lists them itself and hands every file to the build as an input: editing one
/// rebuilds the generated source.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let (folder, extensions, typeName): (String, Set<String>, String)
        switch target.name {
        case "BilatQuery": (folder, extensions, typeName) = ("Schema", ["sql"], "EmbeddedSchema")
        case "BilatIngest": (folder, extensions, typeName) = ("Data", ["json"], "EmbeddedData")
        default: return []
        }
        let base = root.appending(path: folder)
        var inputs: [URL] = []
        // The folders themselves are inputs too: adding a file changes their modification time.
        var folders: [URL] = [base]
        if let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isDirectoryKey]) {
            for case let url as URL in walker {
                // Sample readouts are data for the demo, not for the binary.
                if url.path.contains("/samples") { continue }
                if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
                    folders.append(url)
                } else if extensions.contains(url.pathExtension) {
                    inputs.append(url)
                }
            }
        }
        inputs.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "\(typeName).swift")
        return [
            .buildCommand(
                displayName: "Embedding \(folder) into \(target.name)",
                executable: try context.tool(named: "ResourceEmbedder").url,
                arguments: [typeName, base.path, output.path] + inputs.map(\.path),
                inputFiles: inputs + folders,
                outputFiles: [output]
            )
        ]
    }
}
