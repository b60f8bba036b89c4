package org.orbifold.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.orbifold.io.TuDatasetFetcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code orbifold fetch NAME...}: downloads data sets of the TU Dortmund collection into the
 * cache of {@link TuDatasetFetcher}, or finds them there, and prints a line for each name
 * (its folder, or why it failed), trying every name; a malformed name is a usage error of
 * the whole command line, checked before any download, and so are an unusable {@code --url}
 * and an unusable URL setting (property or environment variable) when some name needs a
 * download ({@code --force}, or a name not cached); when every name is cached, such a
 * setting does not matter (the JSON's {@code url} and {@code zip} are then null). The
 * same fetch serves a DATASET argument {@code tu:NAME} of every command ({@link #resolve}).
 */
@Command(name = "fetch", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {"Download TU Dortmund data sets by name (such as MUTAG) into the cache,"
            + " unless they are there, and print a line for each: name, status (downloaded,"
            + " already cached, failed) and folder, or the reason it failed. Every name is"
            + " tried; the exit status is 1 if any failed (a failed --force keeps the copy"
            + " cached before, and says so). A malformed name (such as"
            + " tu:MUTAG or MUTAG.zip) is a usage error of the whole command line (exit"
            + " status 2, no JSON), found before any download, and so are an unusable --url"
            + " (such as a port outside 1 to 65535, or a user name or password in it) and a"
            + " --cache that is a file or lies under one. Any command reads one as"
            + " DATASET tu:NAME, fetching it when it is missing.",
            "Cache: --cache, else the system property orbifold.cache, else $ORBIFOLD_CACHE"
            + " (absolute paths; empty counts as unset), else $XDG_CACHE_HOME/orbifold/tu, else"
            + " .cache/orbifold/tu in the user's home (Java's user.home). URL: --url, else the"
            + " system property orbifold.tu.url, else $ORBIFOLD_TU_URL, else "
            + "https://www.chrsmrrs.com/graphkerneldatasets/ (NAME.zip under it); an unusable"
            + " setting matters only when a name needs a download."})
final class FetchCommand implements Callable<Integer> {

    /** The prefix of a DATASET argument that names a data set of the collection. */
    static final String PREFIX = "tu:";

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "NAME",
            description = "Data sets of the collection, as it names them (MUTAG, IMDB-BINARY).")
    List<String> names = new ArrayList<>();

    @Option(names = "--cache", paramLabel = "DIR",
            description = "The folder that holds the data-set folders (created when needed).")
    Path cache;

    @Option(names = "--url", paramLabel = "URL",
            description = "The folder of the NAME.zip files, such as a mirror's.")
    String url;

    @Option(names = "--force", description = "Download again even when cached; the new copy"
            + " replaces the old one once it reads without error.")
    boolean force;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Mixin
    ProgressOptions progress;

    @Override
    public Integer call() {
        // Check every name and the options before any download: a malformed name is a usage
        // error of the whole command line, not a failed fetch of one name.
        for (String name : names) {
            requireName(name, name);
        }
        if (cache != null && cache.toString().isBlank()) {
            throw CliException.usage("--cache needs a folder (an empty one would be the"
                    + " current folder)");
        }
        if (cache != null && Files.isRegularFile(cache)) {
            throw CliException.usage("--cache: " + VisibleText.escape(cache.toString())
                    + " is a file, not a folder");
        }
        Path fileOnTheWay = cache == null ? null : fileOnTheWay(cache);
        if (fileOnTheWay != null) {
            throw CliException.usage("--cache: " + VisibleText.escape(cache.toString())
                    + " lies under " + VisibleText.escape(fileOnTheWay.toString())
                    + ", which is a file, not a folder");
        }
        // The URL: --url is typed input and checked now; an unusable URL setting stops the
        // command only when some name needs a download (--force, or not cached), as for
        // DATASET tu:NAME.
        TuDatasetFetcher withoutSetting = fetcher(url, cache);
        requireUsableCache(withoutSetting);
        IllegalArgumentException urlError = url == null ? urlSettingError() : null;
        TuDatasetFetcher setting = url == null && urlError == null
                ? TuDatasetFetcher.fromEnvironment() : null;
        TuDatasetFetcher fetcher = setting == null ? withoutSetting
                : withoutSetting.withBaseUrl(setting.baseUrl(), setting.urlSource());
        if (urlError != null) {
            for (String name : names) {
                if (force || fetcher.cached(name).isEmpty()) {
                    throw CliException.usage(urlError.getMessage() + " (needed to download "
                            + name + (force ? ", as --force downloads again)"
                            : ", which is not cached)"), urlError);
                }
            }
        }
        boolean hasUrl = urlError == null;
        PrintWriter err = spec.commandLine().getErr();
        boolean showProgress = progress.show();

        // Fetch them in order, each one whatever became of the others; a line for each.
        List<Outcome> outcomes = new ArrayList<>();
        PrintWriter out = spec.commandLine().getOut();
        int width = names.stream().mapToInt(n -> VisibleText.escape(n).length()).max()
                .orElse(0);
        for (String name : names) {
            Outcome outcome;
            try {
                Fetched fetched = hasUrl ? fetch(fetcher, name, force, err, showProgress)
                        : cachedOnly(fetcher, name, urlError);
                outcome = new Outcome(name, fetched.folder(),
                        fetched.downloaded() ? "downloaded" : "cached", null, false);
            } catch (CliException e) {
                outcome = failed(fetcher, name, e.getMessage());
            } catch (RuntimeException e) {
                // An unexpected error of one name's fetch (such as one the HTTP layer throws
                // unchecked) fails that name only; the others are still tried.
                outcome = failed(fetcher, name, "cannot fetch " + name + ": "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                        : ": " + e.getMessage()));
            }
            outcomes.add(outcome);
            if (!json) {
                out.printf(Locale.ROOT, "%-" + width + "s  %-14s  %s%n",
                        VisibleText.escape(name),
                        outcome.status().equals("cached") ? "already cached" : outcome.status(),
                        VisibleText.escape(outcome.error() == null
                                ? outcome.folder().toString() : outcome.error()));
                out.flush();
            }
        }
        if (json) {
            out.println(JsonOutput.text(j -> {
                j.beginObject();
                j.name("command").value("fetch");
                j.name("url").value(hasUrl ? fetcher.baseUrl().toString() : null);
                j.name("cache").value(fetcher.cache().toString());
                j.name("datasets").beginArray();
                for (Outcome o : outcomes) {
                    j.beginObject();
                    j.name("name").value(o.name());
                    j.name("status").value(o.status());
                    j.name("folder").value(o.folder() == null ? null : o.folder().toString());
                    j.name("kept").value(o.kept());
                    j.name("downloaded").value(o.status().equals("downloaded"));
                    j.name("zip").value(hasUrl ? fetcher.url(o.name()).toString() : null);
                    j.name("error").value(o.error());
                    j.endObject();
                }
                j.endArray();
                j.endObject();
            }));
            out.flush();
        }
        // The error: one failure's own message, or the count and the names of several.
        List<Outcome> failed = outcomes.stream().filter(o -> o.error() != null).toList();
        if (failed.size() == 1) {
            throw CliException.data(failed.get(0).error());
        }
        if (!failed.isEmpty()) {
            throw CliException.data(failed.size() + " of " + outcomes.size() + " data sets"
                    + " could not be fetched: " + String.join(", ",
                    failed.stream().map(Outcome::name).toList()));
        }
        return 0;
    }

    /**
     * What became of one name: the folder that holds the data set after the command (null
     * when it failed and none does), downloaded, cached or failed, why it failed, and
     * whether a failed fetch (of {@code --force}) kept a copy cached before, in the folder.
     */
    private record Outcome(String name, Path folder, String status, String error,
            boolean kept) {
    }

    /**
     * The outcome of a failed name: when a copy of the data set is still cached (a failed
     * {@code --force}, which replaces the copy only once the new one reads), its folder,
     * with the reason saying that it is kept.
     */
    private static Outcome failed(TuDatasetFetcher fetcher, String name, String reason) {
        Optional<Path> kept;
        try {
            kept = fetcher.cached(name);
        } catch (RuntimeException e) {
            kept = Optional.empty();
        }
        if (kept.isEmpty()) {
            return new Outcome(name, null, "failed", reason, false);
        }
        return new Outcome(name, kept.get(), "failed", reason + "; the cached copy in "
                + kept.get() + " is kept", true);
    }

    /**
     * Returns DATASET as a path: for {@code tu:NAME} (the prefix in any case) the folder of
     * the data set in the cache, fetched first when it is not there, with a note on standard
     * error; any other argument as it is. The cache and URL are those of
     * {@link TuDatasetFetcher#fromEnvironment}. {@code tu:NAME} always names the collection's
     * data set; a local folder of that name is read as {@code ./tu:NAME}.
     *
     * @param dataset the DATASET argument, or null
     * @param err where notes and the progress bar go
     * @param progress whether to show a progress bar
     * @return the argument or the folder, as text
     * @throws CliException a usage error for a refused name or URL setting, a data error
     *     when the fetch fails (its message names the URL and what to do)
     */
    static String resolve(String dataset, PrintWriter err, boolean progress) {
        Pending pending = plan(dataset, err, progress);
        return pending == null ? dataset : pending.fetch();
    }

    /**
     * Returns the fetch that a DATASET {@code tu:NAME} asks for, without running it, or null
     * for any other argument. The name and the settings are checked now: a refused name is a
     * usage error, and so is an unusable URL setting unless the data set is already cached
     * (then no URL is needed).
     *
     * @param dataset the DATASET argument, or null
     * @param err where notes and the progress bar go
     * @param progress whether to show a progress bar
     * @return the fetch, or null
     * @throws CliException a usage error as described
     */
    static Pending plan(String dataset, PrintWriter err, boolean progress) {
        if (dataset == null || !dataset.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        String name = dataset.substring(PREFIX.length());
        requireName(name, dataset);
        requireUsableCache(TuDatasetFetcher.fromEnvironmentWithoutUrl());
        TuDatasetFetcher fetcher;
        try {
            fetcher = TuDatasetFetcher.fromEnvironment();
        } catch (IllegalArgumentException e) {
            Path folder = TuDatasetFetcher.cacheFromEnvironment().resolve(name);
            if (TuDatasetFetcher.isCachedDataset(folder, name)) {
                return new Pending(null, name, folder, err, progress);
            }
            throw CliException.usage(e.getMessage() + " (needed to download " + name
                    + ", which is not cached)", e);
        }
        return new Pending(fetcher, name, fetcher.folder(name), err, progress);
    }

    /**
     * A {@code tu:NAME} whose folder is known and which is fetched on {@link #fetch}, so that
     * a command can check its options against the folder before anything is downloaded.
     *
     * @param fetcher the fetcher, or null when the data set is cached and needs none
     * @param name the data set
     * @param folder its folder in the cache
     * @param err where notes and the progress bar go
     * @param progress whether to show a progress bar
     */
    record Pending(TuDatasetFetcher fetcher, String name, Path folder, PrintWriter err,
            boolean progress) {

        /**
         * Fetches the data set unless it is cached.
         *
         * @return its folder, as text
         * @throws CliException a data error when the fetch fails
         */
        String fetch() {
            return fetcher == null ? folder.toString()
                    : FetchCommand.fetch(fetcher, name, false, err, progress).folder().toString();
        }
    }

    /**
     * Refuses a cache setting that the fetcher refuses (a relative {@code ORBIFOLD_CACHE} or
     * {@code orbifold.cache}), as a usage error naming the setting; a {@code --cache} given
     * replaces the setting, which then does not matter.
     */
    private static void requireUsableCache(TuDatasetFetcher fetcher) {
        try {
            fetcher.cache();
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage(), e);
        }
    }

    /** Refuses a name that the fetcher refuses, as a usage error naming the argument. */
    private static void requireName(String name, String argument) {
        try {
            TuDatasetFetcher.requireValidName(name);
        } catch (IllegalArgumentException e) {
            throw CliException.usage((argument.equals(name) ? "" : argument + ": ")
                    + e.getMessage(), e);
        }
    }

    /**
     * The fetcher of the cache settings, with the given URL and cache when they are not null;
     * without {@code --url}, its URL is the default one, which the caller replaces by the URL
     * settings' (the settings are read there, so that an unusable one need not stop a fetch
     * of cached data sets).
     */
    private static TuDatasetFetcher fetcher(String url, Path cache) {
        TuDatasetFetcher fetcher = TuDatasetFetcher.fromEnvironmentWithoutUrl()
                .withCacheOption("--cache");
        if (url != null) {
            try {
                fetcher = fetcher.withBaseUrl(TuDatasetFetcher.parseUrl(url, "--url"), "--url");
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage(), e);
            }
        }
        return cache == null ? fetcher : fetcher.withCache(cache);
    }

    /**
     * The nearest existing path above a path (made absolute), when it is a file rather than
     * a folder, or null: a cache folder under a file cannot be created.
     */
    private static Path fileOnTheWay(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        for (Path step = absolute.getParent(); step != null; step = step.getParent()) {
            if (Files.exists(step)) {
                return Files.isDirectory(step) ? null : step;
            }
        }
        return null;
    }

    /** The error of an unusable URL setting (property or variable), or null. */
    private static IllegalArgumentException urlSettingError() {
        try {
            TuDatasetFetcher.fromEnvironment();
            return null;
        } catch (IllegalArgumentException e) {
            return e;
        }
    }

    /**
     * A data set that must be cached, as no URL is usable: its folder, or the URL setting's
     * error when it is gone (removed since the command checked the cache).
     */
    private static Fetched cachedOnly(TuDatasetFetcher fetcher, String name,
            IllegalArgumentException urlError) {
        Optional<Path> cached = fetcher.cached(name);
        if (cached.isEmpty()) {
            throw CliException.data(urlError.getMessage() + " (needed to download " + name
                    + ", which is no longer cached)", urlError);
        }
        return new Fetched(cached.get(), false);
    }

    /**
     * A data set's folder, and whether this fetch downloaded it (not when it was cached, also
     * not when another process fetched it while this one waited for the lock).
     */
    private record Fetched(Path folder, boolean downloaded) {
    }

    /** Fetches with a note and the progress bar on standard error. */
    private static Fetched fetch(TuDatasetFetcher fetcher, String name, boolean again,
            PrintWriter err, boolean progress) {
        Optional<Path> cached = again ? Optional.empty() : fetcher.cached(name);
        if (cached.isPresent()) {
            return new Fetched(cached.get(), false);
        }
        AtomicBoolean downloading = new AtomicBoolean();
        try (Progress bar = new Progress(err, progress)) {
            TuDatasetFetcher.Listener listener = new TuDatasetFetcher.Listener() {
                @Override
                public void started(String set, URI from, Path folder) {
                    downloading.set(true);
                    err.println("orbifold: downloading " + VisibleText.escape(set) + " from "
                            + from + " into " + VisibleText.escape(folder.toString()));
                    err.flush();
                    bar.amount("downloading " + set, "bytes");
                }

                @Override
                public void waiting(String set, Path lockFile) {
                    err.println("orbifold: waiting for another fetch of "
                            + VisibleText.escape(set) + " to finish (it holds "
                            + VisibleText.escape(lockFile.toString()) + ")");
                    err.flush();
                }

                @Override
                public void progress(long bytesRead, long contentLength) {
                    bar.amountDone(bytesRead, contentLength);
                }
            };
            Path folder = fetcher.withListener(listener).fetch(name, again);
            return new Fetched(folder, downloading.get());
        } catch (IOException e) {
            throw CliException.data(e.getMessage(), e);
        }
    }
}
