using System.Reflection;
using Microsoft.Extensions.Configuration;
using PartyDomain.Extensibility;
using PartyDomain.Extensibility.Plugins;
using PartyDomain.Extensibility.Roster;

namespace PartyDomain.Hosting;

// The steps of Load: find the plugin folders, inspect each (checks before any plugin code runs, then the plugin
// created), keep one copy per id, order by dependencies, register each. Every outcome is recorded on the way.
public sealed partial class PluginHost
{
    /// <summary>Where a plugin is in the dependency ordering.</summary>
    private enum VisitState
    {
        /// <summary>Not reached yet.</summary>
        Unvisited,

        /// <summary>Its dependencies are being ordered: reaching it again means a cycle.</summary>
        Visiting,

        /// <summary>Ordered after its dependencies.</summary>
        Ordered,

        /// <summary>Rejected, and recorded so (once).</summary>
        Rejected,
    }

    /// <summary>One call of <see cref="Load"/>: the builder it registers into, and the outcomes so far.</summary>
    private sealed class LoadRun(PluginHost host, PartyDomainBuilder builder, IConfiguration? configuration)
    {
        private readonly List<PluginLoadEntry> _entries = [];
        private readonly Dictionary<string, IReadOnlyList<PluginContribution>> _contributions = new(StringComparer.Ordinal);

        // The ids registered into this builder, by this load or an earlier one, with their folders.
        private readonly Dictionary<string, string> _registered = RegisteredIds.GetOrCreateValue(builder);

        /// <summary>The steps, in order; the report lists every outcome as it was recorded.</summary>
        public PluginLoadReport Run()
        {
            // The roster as it stood before any plugin ran: a plugin is handed the builder, and what it might set as the
            // roster must not replace the host's record of what loaded.
            var before = builder.Plugins;
            var candidates = new List<Candidate>();
            foreach (var folder in Discover())
            {
                if (Inspect(folder) is { } candidate)
                {
                    candidates.Add(candidate);
                }
            }

            foreach (var candidate in new DependencyOrder(this, OneCopyEach(candidates), _registered).Run())
            {
                Register(candidate);
            }

            var report = new PluginLoadReport(HostVersion, _entries);
            builder.Plugins = before.Then(new PluginRoster(
                report.Loaded.Select(e => Loaded(e.Manifest!, _contributions.GetValueOrDefault(e.Manifest!.Id, []))),
                report.Problems.Select(e => new NotLoadedPlugin(e.Name, e.Message))));
            return report;
        }

        /// <summary>Every outcome goes through here: logged, recorded, and fatal under fail-fast.</summary>
        public void Record(PluginLoadEntry entry, Exception? exception = null)
        {
            _entries.Add(entry);
            host.Log(entry, exception);
            if (host._options.FailFast && entry.Status != PluginLoadStatus.Loaded)
            {
                throw new PluginLoadException(new PluginLoadReport(HostVersion, _entries.ToArray()), exception);
            }
        }

        /// <summary>The plugin folders: every sub-folder of each configured folder, in ordinal order; a configured folder that does not exist is recorded.</summary>
        private IEnumerable<string> Discover()
        {
            foreach (var configured in host._options.Folders)
            {
                var root = Path.GetFullPath(configured, AppContext.BaseDirectory);
                if (!Directory.Exists(root))
                {
                    Record(new PluginLoadEntry(root, PluginLoadStatus.Failed, PluginLoadReason.NotFound,
                        new($"插件目录不存在：{root}。请检查 PartyDomain:PluginHost:Folders，或先把插件发布到该目录", $"The plugin folder {root} does not exist. Check PartyDomain:PluginHost:Folders, or publish the plugins into that folder first.")));
                    continue;
                }

                foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
                {
                    yield return folder;
                }
            }
        }

        /// <summary>A folder's plugin, checked and created; <c>null</c> (recorded) when it does not pass.</summary>
        private Candidate? Inspect(string folder)
        {
            var name = Path.GetFileName(folder);
            var path = MainAssembly(folder);
            if (path is null)
            {
                Record(new PluginLoadEntry(folder, PluginLoadStatus.Failed, PluginLoadReason.NotFound,
                    new($"插件“{name}”：目录中找不到插件程序集（应有 {name}.dll 或发布生成的 *.deps.json）。请用 dotnet publish 把插件发布到该目录，或删除这个空目录", $"Plugin '{name}': no plugin assembly in its folder (expected {name}.dll or the *.deps.json that publishing writes). Publish the plugin into it with dotnet publish, or delete the empty folder.")));
                return null;
            }

            var entry = new PluginLoadEntry(folder, PluginLoadStatus.Loaded, PluginLoadReason.None, new(string.Empty, string.Empty)) { AssemblyPath = path };
            return Vet(entry, name) is { } vetted ? Create(vetted, name) : null;
        }

        /// <summary>
        /// The checks before any of the plugin's code runs: the folder's hash against the trust list, a reference to
        /// PartyDomain in a compatible version, no shared assembly newer than the host's. Returns the entry with what they
        /// found, or <c>null</c> (recorded) when one fails.
        /// </summary>
        private PluginLoadEntry? Vet(PluginLoadEntry entry, string name)
        {
            var folder = entry.Folder;
            var path = entry.AssemblyPath!;
            var file = Path.GetFileName(path);
            try
            {
                entry = entry with { Sha256 = PluginMetadata.FolderHash(folder) };
                if (host._trusted.Count > 0 && !host._trusted.Contains(entry.Sha256))
                {
                    Record(entry with
                    {
                        Status = PluginLoadStatus.Rejected, Reason = PluginLoadReason.UntrustedHash,
                        Message = new(
                            $"插件“{name}”：目录的清单哈希 {entry.Sha256} 不在信任列表中（哈希覆盖目录中的每个文件，任何文件被替换或增删都会改变它）。若信任此插件的这一版本，请把该哈希加入 PartyDomain:PluginHost:TrustedSha256（plugins --hash {folder} 可打印）",
                            $"Plugin '{name}': the folder's manifest hash {entry.Sha256} is not on the trust list (the hash covers every file in the folder, so replacing, adding or removing any file changes it). If you trust this build of the plugin, add the hash to PartyDomain:PluginHost:TrustedSha256 (plugins --hash {folder} prints it)."),
                    });
                    return null;
                }

                var compiledAgainst = PluginMetadata.ReferencedPartyDomain(path, typeof(PartyDomainBuilder).Assembly.GetName().Name!);
                if (compiledAgainst is null)
                {
                    Record(entry with
                    {
                        Status = PluginLoadStatus.Rejected, Reason = PluginLoadReason.NotAPlugin,
                        Message = new($"插件“{name}”：{file} 未引用 PartyDomain，不是插件。如这不是插件，请把该目录移出插件目录", $"Plugin '{name}': {file} does not reference PartyDomain, so it is not a plugin. If it is not meant to be one, move the folder out of the plugin folder."),
                    });
                    return null;
                }

                entry = entry with { CompiledAgainst = compiledAgainst };
                if (!PluginMetadata.IsCompatible(HostVersion, compiledAgainst))
                {
                    Record(entry with
                    {
                        Status = PluginLoadStatus.Rejected, Reason = PluginLoadReason.IncompatibleVersion,
                        Message = new(
                            $"插件“{name}”：基于 PartyDomain {compiledAgainst.ToString(3)} 编译，与宿主的 {HostVersion.ToString(3)} 不兼容（需主版本相同、次版本不高于宿主）。请向插件作者索取基于 PartyDomain {HostVersion.Major}.{HostVersion.Minor}（或更早的 {HostVersion.Major}.x）的构建",
                            $"Plugin '{name}': compiled against PartyDomain {compiledAgainst.ToString(3)}, incompatible with the host's {HostVersion.ToString(3)} (same major and a minor no newer than the host's are required). Ask the plugin's author for a build against PartyDomain {HostVersion.Major}.{HostVersion.Minor} (or an older {HostVersion.Major}.x)."),
                    });
                    return null;
                }

                var newer = SharedAssemblies.Host.NewerThanHost(folder, typeof(PartyDomainBuilder).Assembly.GetName().Name!, v => PluginMetadata.IsCompatible(HostVersion, v));
                if (newer.Count > 0)
                {
                    Record(entry with
                    {
                        Status = PluginLoadStatus.Rejected, Reason = PluginLoadReason.IncompatibleVersion,
                        Message = new(
                            $"插件“{name}”：{string.Join("；", newer.Select(n => n.Framework
                                ? $"{n.File} 引用 {n.Name} {n.Referenced}，比宿主的 .NET（{n.Host}）新：请把插件的 TargetFramework 改为 net{Environment.Version.Major}.0 后重新发布"
                                : $"{n.File} 引用 {n.Name} {n.Referenced}，宿主只有 {n.Host}：请把插件的程序包 {n.Name} 降到 {n.HostPackage}（或更低）后重新发布"))}。在此之前插件的代码不会运行；也可请插件作者提供基于这些版本的构建",
                            $"Plugin '{name}': {string.Join("; ", newer.Select(n => n.Framework
                                ? $"{n.File} references {n.Name} {n.Referenced}, newer than the host's .NET ({n.Host}): set the plugin's TargetFramework to net{Environment.Version.Major}.0 and publish it again"
                                : $"{n.File} references {n.Name} {n.Referenced}, the host has {n.Host}: downgrade the plugin's package {n.Name} to {n.HostPackage} (or lower) and publish it again"))}. None of the plugin's code runs until then; or ask the plugin's author for a build against these versions."),
                    });
                    return null;
                }
            }
            catch (BadImageFormatException e)
            {
                Record(entry with
                {
                    Status = PluginLoadStatus.Failed, Reason = PluginLoadReason.BadImage,
                    Message = new($"插件“{name}”：{file} 不是有效的 .NET 程序集（{e.Message}）。请重新发布插件（dotnet publish）到该目录", $"Plugin '{name}': {file} is not a valid .NET assembly ({e.Message}). Publish the plugin into its folder again (dotnet publish)."),
                }, e);
                return null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Record(entry with
                {
                    Status = PluginLoadStatus.Failed, Reason = PluginLoadReason.Unreadable,
                    Message = new($"插件“{name}”：目录中的文件无法读取（{e.Message}）。请检查该目录的访问权限", $"Plugin '{name}': a file in its folder cannot be read ({e.Message}). Check the folder's permissions."),
                }, e);
                return null;
            }

            return entry;
        }

        /// <summary>The plugin's own code runs from here on: its assembly is loaded and its one plugin class created, whose manifest must be valid.</summary>
        private Candidate? Create(PluginLoadEntry entry, string name)
        {
            var path = entry.AssemblyPath!;
            var file = Path.GetFileName(path);
            try
            {
                var assembly = host._loader.Load(path);
                var types = assembly.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPartyDomainPlugin).IsAssignableFrom(t)).ToArray();
                if (types.Length != 1)
                {
                    Record(entry with
                    {
                        Status = PluginLoadStatus.Rejected, Reason = PluginLoadReason.NotAPlugin,
                        Message = new($"插件“{name}”：{file} 应有且只有一个实现 IPartyDomainPlugin 的公共类，实际有 {types.Length} 个。请把此信息转给插件作者", $"Plugin '{name}': {file} must have exactly one public class implementing IPartyDomainPlugin; it has {types.Length}. Pass this on to the plugin's author."),
                    });
                    return null;
                }

                var plugin = (IPartyDomainPlugin)Activator.CreateInstance(types[0])!;
                var manifest = plugin.Manifest;
                if (manifest is null || !PluginManifest.IsValidId(manifest.Id))
                {
                    Record(entry with
                    {
                        Status = PluginLoadStatus.Rejected, Reason = PluginLoadReason.InvalidManifest,
                        Message = new($"插件“{name}”：清单中的 id “{manifest?.Id}”无效（小写字母开头，仅含小写字母、数字、- 和 .）。请插件作者修正清单中的 Id", $"Plugin '{name}': the manifest id '{manifest?.Id}' is not valid (a lower-case letter, then lower-case letters, digits, '-' and '.'). Ask the plugin's author to correct the manifest's Id."),
                    });
                    return null;
                }

                return new Candidate(entry with { Manifest = manifest }, plugin);
            }
            catch (Exception e) when (Unwrap(e) is FileNotFoundException or FileLoadException or ReflectionTypeLoadException)
            {
                Record(MissingAssembly(entry, name, Unwrap(e)), e);
                return null;
            }
            catch (Exception e) when (Unwrap(e) is BadImageFormatException)
            {
                Record(entry with
                {
                    Status = PluginLoadStatus.Failed, Reason = PluginLoadReason.BadImage,
                    Message = new($"插件“{name}”：程序集无法加载（{Unwrap(e).Message}）。请重新发布插件（dotnet publish）到该目录", $"Plugin '{name}': an assembly could not be loaded ({Unwrap(e).Message}). Publish the plugin into its folder again (dotnet publish)."),
                }, e);
                return null;
            }
            catch (Exception e) when (e is not PluginLoadException)
            {
                Record(Threw(entry, name, "创建", "being created", Unwrap(e)), e);
                return null;
            }
        }

        /// <summary>
        /// One copy per id. Never folder order: the highest version wins (a stale copy left beside the current one must
        /// not replace it); two copies of the same version, or versions that cannot be compared, leave nothing to choose
        /// by, so every copy is rejected; an id already registered into the builder is not loaded again.
        /// </summary>
        private Dictionary<string, Candidate> OneCopyEach(List<Candidate> all)
        {
        var byId = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        foreach (var copies in all.GroupBy(c => c.Entry.Manifest!.Id, StringComparer.Ordinal))
        {
            var id = copies.Key;
            if (_registered.GetValueOrDefault(id) is { } earlier)
            {
                foreach (var c in copies)
                {
                    Record(c.Entry with
                    {
                        Status = PluginLoadStatus.Rejected, Reason = PluginLoadReason.DuplicateId,
                        Message = new(
                            $"插件“{id}” {c.Entry.Manifest!.Version}（{c.Entry.Folder}）：同一 id 的插件已从 {earlier} 加载到本宿主，不再加载第二份",
                            $"Plugin '{id}' {c.Entry.Manifest!.Version} ({c.Entry.Folder}): a plugin with this id was already loaded into this host from {earlier}; a second copy is not loaded."),
                    });
                }

                continue;
            }

            var ranked = copies.Select(c => (Candidate: c, Version: PluginVersion.TryParse(c.Entry.Manifest!.Version)))
                .OrderByDescending(x => x.Version).ToList();
            if (ranked.Count == 1)
            {
                byId[id] = ranked[0].Candidate;
                continue;
            }

            var listing = string.Join("; ", ranked.Select(x => $"{x.Candidate.Entry.Manifest!.Version} ({x.Candidate.Entry.Folder})"));
            if (ranked.Any(x => x.Version is null) || ranked[0].Version!.CompareTo(ranked[1].Version) == 0)
            {
                var why = ranked.Any(x => x.Version is null)
                    ? new LocalizedText("版本号无法比较（应为 主.次.修订，如 1.2.0）", "their versions cannot be compared (major.minor.patch is expected, such as 1.2.0)")
                    : new LocalizedText("版本相同，无从选择", "they have the same version, so there is nothing to choose by");
                foreach (var (c, _) in ranked)
                {
                    Record(c.Entry with
                    {
                        Status = PluginLoadStatus.Rejected, Reason = PluginLoadReason.DuplicateId,
                        Message = new(
                            $"插件“{id}”有 {ranked.Count} 份：{listing}；{why.Chinese}，全部未加载。请只保留一个目录",
                            $"Plugin '{id}' is there {ranked.Count} times: {listing}; {why.English}, so none was loaded. Keep only one of the folders."),
                    });
                }

                continue;
            }

            var winner = ranked[0].Candidate;
            foreach (var (c, _) in ranked.Skip(1))
            {
                Record(c.Entry with
                {
                    Status = PluginLoadStatus.Rejected, Reason = PluginLoadReason.DuplicateId,
                    Message = new(
                        $"插件“{id}” {c.Entry.Manifest!.Version}（{c.Entry.Folder}）：较新的 {winner.Entry.Manifest!.Version}（{winner.Entry.Folder}）已取代它。请删除这个旧目录",
                        $"Plugin '{id}' {c.Entry.Manifest!.Version} ({c.Entry.Folder}): the newer {winner.Entry.Manifest!.Version} ({winner.Entry.Folder}) replaces it. Delete this older folder."),
                });
            }

            byId[id] = winner with
            {
                Note = new(
                    $"；取代了同 id 的旧版本：{string.Join("；", ranked.Skip(1).Select(x => $"{x.Candidate.Entry.Manifest!.Version}（{x.Candidate.Entry.Folder}）"))}",
                    $"; it replaces the older copies of the same id: {string.Join("; ", ranked.Skip(1).Select(x => $"{x.Candidate.Entry.Manifest!.Version} ({x.Candidate.Entry.Folder})"))}"),
            };
        }

            return byId;
        }

        /// <summary>Lets the plugin register into the builder; what it registered is rolled back when it throws.</summary>
        private void Register(Candidate c)
        {
            var manifest = c.Entry.Manifest!;
            if (manifest.Dependencies.Any(d => !_registered.ContainsKey(d)))
            {
                var missing = manifest.Dependencies.First(d => !_registered.ContainsKey(d));
                Record(c.Entry with
                {
                    Status = PluginLoadStatus.Rejected, Reason = PluginLoadReason.MissingDependency,
                    Message = new($"插件“{manifest.Id}”：依赖的插件“{missing}”未能加载。请先解决“{missing}”的问题（见其说明）", $"Plugin '{manifest.Id}': the plugin '{missing}' it depends on did not load. Fix '{missing}' first (see its line)."),
                });
                return;
            }

            var rollback = builder.Checkpoint();
            var before = PluginContributions.Before(builder);
            try
            {
                c.Plugin.Register(new HostPluginContext(builder, manifest, configuration));
                _contributions[manifest.Id] = before.Since(builder);
            }
            catch (Exception e)
            {
                rollback();
                var inner = Unwrap(e);
                Record(inner is FileNotFoundException or FileLoadException or ReflectionTypeLoadException
                    ? MissingAssembly(c.Entry, manifest.Id, inner)
                    : Threw(c.Entry, manifest.Id, "注册", "registering", inner), e);
                return;
            }

            _registered[manifest.Id] = c.Entry.Folder;
            Record(c.Entry with
            {
                Message = new(
                    $"插件“{manifest.Id}” {manifest.Version}（{manifest.DisplayName.Chinese}，基于 PartyDomain {c.Entry.CompiledAgainst?.ToString(3)}）已加载{c.Note?.Chinese}",
                    $"Plugin '{manifest.Id}' {manifest.Version} ({manifest.DisplayName.English}, compiled against PartyDomain {c.Entry.CompiledAgainst?.ToString(3)}) loaded{c.Note?.English}."),
            });
        }

        private static LoadedPlugin Loaded(PluginManifest manifest, IReadOnlyList<PluginContribution> contributions) => new(manifest.Id, manifest.Version, manifest.DisplayName)
        {
            Contributions = contributions,
            ReportSections = contributions.Where(c => c.Kind == PluginContributionKind.ReportSection).Select(c => c.Id).ToArray(),
        };
    }

    /// <summary>
    /// Dependencies first: each plugin after the ones it depends on (those already registered into the builder count as
    /// there); a plugin whose dependency is missing, rejected or in a cycle is itself rejected.
    /// </summary>
    private sealed class DependencyOrder(LoadRun run, Dictionary<string, Candidate> byId, Dictionary<string, string> already)
    {
        private readonly Dictionary<string, VisitState> _state = new(StringComparer.Ordinal);
        private readonly List<Candidate> _ordered = [];

        public List<Candidate> Run()
        {
            foreach (var c in byId.Values)
            {
                Visit(c, []);
            }

            return _ordered;
        }

        private bool Visit(Candidate c, List<string> path)
        {
            var id = c.Entry.Manifest!.Id;
            switch (_state.GetValueOrDefault(id))
            {
                case VisitState.Ordered:
                    return true;
                case VisitState.Rejected:
                    return false;
                case VisitState.Visiting:
                    var cycle = string.Join(" → ", path.SkipWhile(p => p != id).Append(id));
                    foreach (var member in path.SkipWhile(p => p != id))
                    {
                        Reject(byId[member], PluginLoadReason.DependencyCycle,
                            new($"插件“{member}”：依赖关系成环（{cycle}）。请插件作者去掉其中一个依赖（清单的 Dependencies）", $"Plugin '{member}': its dependencies form a cycle ({cycle}). Ask the plugins' authors to drop one of these dependencies (the manifest's Dependencies)."));
                    }

                    return false;
            }

            _state[id] = VisitState.Visiting;
            path.Add(id);
            foreach (var dependency in c.Entry.Manifest.Dependencies)
            {
                if (already.ContainsKey(dependency))
                {
                    continue;
                }

                if (!byId.TryGetValue(dependency, out var needed))
                {
                    Reject(c, PluginLoadReason.MissingDependency,
                        new($"插件“{id}”：依赖的插件“{dependency}”未找到。请把插件“{dependency}”发布到插件目录", $"Plugin '{id}': the plugin '{dependency}' it depends on was not found. Publish the plugin '{dependency}' into the plugin folder."));
                    return false;
                }

                if (!Visit(needed, path))
                {
                    if (_state.GetValueOrDefault(id) != VisitState.Rejected)
                    {
                        Reject(c, PluginLoadReason.MissingDependency,
                            new($"插件“{id}”：依赖的插件“{dependency}”未能加载。请先解决“{dependency}”的问题（见其说明）", $"Plugin '{id}': the plugin '{dependency}' it depends on did not load. Fix '{dependency}' first (see its line)."));
                    }

                    return false;
                }
            }

            path.RemoveAt(path.Count - 1);
            if (_state.GetValueOrDefault(id) == VisitState.Rejected)
            {
                return false;
            }

            _state[id] = VisitState.Ordered;
            _ordered.Add(c);
            return true;
        }

        private void Reject(Candidate c, PluginLoadReason reason, LocalizedText message)
        {
            if (_state.GetValueOrDefault(c.Entry.Manifest!.Id) == VisitState.Rejected)
            {
                return;
            }

            _state[c.Entry.Manifest.Id] = VisitState.Rejected;
            run.Record(c.Entry with { Status = PluginLoadStatus.Rejected, Reason = reason, Message = message });
        }
    }
}
