package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.cli.MainTest.Run;
import org.orbifold.io.TuDatasetFetcher;
import org.orbifold.io.TuDatasetReader;
import org.orbifold.io.TuMockServer;

/**
 * Runs {@code orbifold fetch} and commands on {@code tu:NAME} in-process against a
 * {@link TuMockServer} on the loopback address; the URL and cache of {@code tu:NAME} are set
 * through the system properties, which are restored after each test.
 */
class FetchCommandTest {

    @TempDir
    Path dir;

    private TuMockServer server;
    private Path cache;
    private String oldUrl;
    private String oldCache;

    @BeforeEach
    void start() throws IOException {
        server = new TuMockServer();
        server.serve("TINY", TuMockServer.zip(TuMockServer.tinyDataset("TINY/", "TINY")));
        cache = dir.resolve("cache");
        oldUrl = System.getProperty(TuDatasetFetcher.URL_PROPERTY);
        oldCache = System.getProperty(TuDatasetFetcher.CACHE_PROPERTY);
        System.setProperty(TuDatasetFetcher.URL_PROPERTY, server.baseUrl().toString());
        System.setProperty(TuDatasetFetcher.CACHE_PROPERTY, cache.toString());
    }

    @AfterEach
    void stop() {
        server.close();
        restore(TuDatasetFetcher.URL_PROPERTY, oldUrl);
        restore(TuDatasetFetcher.CACHE_PROPERTY, oldCache);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    private String note(String name) {
        return "orbifold: downloading " + name + " from " + server.baseUrl() + name
                + ".zip into " + cache.resolve(name) + "\n";
    }

    @Test
    void fetchDownloadsOnceAndThenReportsTheCachedFolder() {
        Path other = dir.resolve("other");
        String[] args = {"fetch", "TINY", "--cache", other.toString(), "--url",
            server.baseUrl().toString()};

        Run first = MainTest.run(args);
        Run second = MainTest.run(args);

        assertEquals(0, first.exitCode(), first.err());
        assertEquals("TINY  downloaded      " + other.resolve("TINY") + "\n", first.out());
        assertEquals("orbifold: downloading TINY from " + server.baseUrl() + "TINY.zip into "
                + other.resolve("TINY") + "\n", first.err());
        assertEquals(0, second.exitCode(), second.err());
        assertEquals("TINY  already cached  " + other.resolve("TINY") + "\n", second.out());
        assertEquals("", second.err());
        assertEquals(1, server.requests());
        assertFalse(Files.exists(cache), "--cache replaces the property's folder");
    }

    @Test
    void fetchWritesJsonAndForceDownloadsAgain() {
        MainTest.run("fetch", "TINY");

        Run r = MainTest.run("fetch", "TINY", "--force", "--json");

        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> json = r.json();
        assertEquals("fetch", json.get("command"));
        assertEquals(server.baseUrl().toString(), json.get("url"));
        assertEquals(cache.toString(), json.get("cache"));
        Map<?, ?> set = (Map<?, ?>) ((List<?>) json.get("datasets")).get(0);
        assertEquals("TINY", set.get("name"));
        assertEquals(cache.resolve("TINY").toString(), set.get("folder"));
        assertEquals(Boolean.TRUE, set.get("downloaded"));
        assertEquals(server.baseUrl() + "TINY.zip", set.get("zip"));
        assertEquals(2, server.requests());
    }

    @Test
    void aTuDatasetArgumentIsFetchedOnceAndRead() {
        Run first = MainTest.run("info", "tu:TINY", "--json");
        Run second = MainTest.run("info", "tu:TINY", "--json");

        assertEquals(0, first.exitCode(), first.err());
        assertEquals(note("TINY"), first.err());
        assertEquals(cache.resolve("TINY").toString(), first.json().get("dataset"));
        assertEquals(2.0, first.json().get("graphs"));
        assertEquals(first.out(), second.out());
        assertEquals("", second.err());
        assertEquals(1, server.requests());
    }

    @Test
    void alignReadsATuDatasetArgument() {
        Run r = MainTest.run("align", "tu:TINY", "0", "1", "--json");

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(cache.resolve("TINY").toString(), r.json().get("dataset"));
        assertEquals(note("TINY"), r.err());
    }

    @Test
    void theSharedMutagFetchedThroughTheCommandLineReadsAsTheFolder() throws IOException {
        Path shared = Path.of(System.getProperty("orbifold.datasets", "../shared/datasets"),
                "tu", "MUTAG");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shared),
                "dataset not available: " + shared);
        server.serve("MUTAG", TuMockServer.zipFolder(shared, "MUTAG/"));

        Run fetched = MainTest.run("info", "tu:MUTAG");
        Run local = MainTest.run("info", shared.toString());

        assertEquals(0, fetched.exitCode(), fetched.err());
        assertEquals(local.out().replace(shared.toString(), cache.resolve("MUTAG").toString()),
                fetched.out());
    }

    @Test
    void aMissingDataSetIsADataErrorNamingTheUrl() {
        Run r = MainTest.run("info", "tu:NOPE");

        assertEquals(CliException.DATA, r.exitCode());
        assertTrue(r.err().endsWith(Main.ERROR_PREFIX + "no TU data set named NOPE at "
                + server.baseUrl() + "NOPE.zip (HTTP 404); check the name's spelling and case,"
                + " as the collection lists it\n"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aRefusedConnectionIsADataErrorSayingWhatToDo() throws IOException {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/tu/");
        }

        Run r = MainTest.run("fetch", "TINY", "--url", closed.toString());

        assertEquals(CliException.DATA, r.exitCode());
        assertTrue(r.err().contains(Main.ERROR_PREFIX + "cannot download " + closed
                + "TINY.zip"), r.err());
        assertTrue(r.err().contains("download TINY.zip by hand, unzip it and pass its folder"
                + " TINY as DATASET"), r.err());
    }

    @Test
    void badNamesAndUrlsAreUsageErrorsBeforeAnyRequest() {
        Run badFetch = MainTest.run("fetch", "TINY", "../evil");
        Run badArgument = MainTest.run("mean", "tu:../evil");
        Run badUrl = MainTest.run("fetch", "TINY", "--url", "file:///tmp/");
        Run noName = MainTest.run("fetch");

        assertEquals(CliException.USAGE, badFetch.exitCode());
        assertEquals(Main.ERROR_PREFIX + "'../evil' is no TU data set name: expected ASCII"
                + " letters, digits, '-', '_' and '.' ('.' and '-' not first, and no '..'), such as"
                + " MUTAG or IMDB-BINARY\n", badFetch.err());
        assertEquals(CliException.USAGE, badArgument.exitCode());
        assertTrue(badArgument.err().startsWith(Main.ERROR_PREFIX + "tu:../evil: '../evil' is"
                + " no TU data set name"), badArgument.err());
        assertEquals(CliException.USAGE, badUrl.exitCode());
        assertTrue(badUrl.err().startsWith(Main.ERROR_PREFIX + "--url: 'file:///tmp/' is no"
                + " http or https URL"), badUrl.err());
        assertEquals(CliException.USAGE, noName.exitCode());
        assertEquals(0, server.requests());
        assertFalse(Files.exists(cache.resolve("TINY")));
    }

    @Test
    void namesWithThePrefixOrTheZipSuffixOrADashAreUsageErrorsWithAHint() throws IOException {
        Run prefix = MainTest.run("fetch", "tu:TINY");
        Run suffix = MainTest.run("fetch", "TINY.zip");
        Run dash = MainTest.run("fetch", "--", "-x");
        Run zipUrl = MainTest.run("fetch", "TINY", "--url", server.baseUrl() + "TINY.zip");
        Run json = MainTest.run("fetch", "TINY", "bad/name", "--json");
        Path file = Files.writeString(dir.resolve("file"), "x");
        Run cacheFile = MainTest.run("fetch", "TINY", "--cache", file.toString());

        assertEquals(CliException.USAGE, prefix.exitCode());
        assertEquals(Main.ERROR_PREFIX + "'tu:TINY' is no TU data set name: give the name"
                + " without tu:, such as TINY\n", prefix.err());
        assertEquals(CliException.USAGE, suffix.exitCode());
        assertTrue(suffix.err().contains("give the name without .zip, such as TINY"),
                suffix.err());
        assertEquals(CliException.USAGE, dash.exitCode());
        assertTrue(dash.err().startsWith(Main.ERROR_PREFIX + "'-x' is no TU data set name"),
                dash.err());
        assertEquals(CliException.USAGE, zipUrl.exitCode());
        assertTrue(zipUrl.err().contains("names a zip file; give the folder that holds the"
                + " NAME.zip files, such as " + server.baseUrl()), zipUrl.err());
        assertEquals(CliException.USAGE, json.exitCode());
        assertEquals("", json.out(), "a malformed name stops the whole command line");
        assertEquals(CliException.USAGE, cacheFile.exitCode());
        assertEquals(Main.ERROR_PREFIX + "--cache: " + file + " is a file, not a folder\n",
                cacheFile.err());
        assertEquals(0, server.requests());
    }

    @Test
    void aCommandRefusedForItsOptionsDownloadsNothing() throws IOException {
        // A folder below a regular file cannot be created (a missing folder would be).
        Path missing = Files.writeString(dir.resolve("plain"), "x\n").resolve("x.json");

        Run badOut = MainTest.run("mean", "tu:TINY", "--limit", "3", "--out",
                missing.toString());
        Run badComponents = MainTest.run("pca", "tu:TINY", "--components", "0");

        assertEquals(CliException.USAGE, badOut.exitCode(), badOut.err());
        assertTrue(badOut.err().contains("--out"), badOut.err());
        assertEquals(CliException.USAGE, badComponents.exitCode(), badComponents.err());
        assertTrue(badComponents.err().contains("--components"), badComponents.err());
        assertEquals(0, server.requests());
        assertFalse(Files.exists(cache.resolve("TINY")));
    }

    /**
     * Classify checks every option that does not need the data before it fetches: it used to
     * download a tu:NAME before running, since it reads the DATASET path itself (IAM folders,
     * split lists).
     */
    @Test
    void classifyRefusedForItsOptionsDownloadsNothing() throws IOException {
        String train = Files.writeString(dir.resolve("train.txt"), "0\n").toString();
        String test = Files.writeString(dir.resolve("test.txt"), "1\n").toString();
        String missing = Files.writeString(dir.resolve("plain"), "x\n").resolve("x.json")
                .toString();
        String[][] refused = {
            {"--method must be one of", "--folds", "2", "--method", "svm"},
            {"give --folds K, or split files"},
            {"--folds must be at least 2, got 1", "--folds", "1"},
            {"--out", "--folds", "2", "--out", missing},
            {"--folds and split files", "--folds", "2", "--train", train, "--test", test},
            {"2 combinations of hyper-parameter values need a validation split", "--train",
                train, "--test", test, "--k", "1,3"},
            {"--refit train+validation needs a validation split", "--train", train, "--test",
                test, "--refit", "train+validation"},
            {"--selection needs a validation split", "--train", train, "--test", test,
                "--selection", "one-standard-error"},
            {"--sequence-pairs applies to the .cxl split files", "--train", train, "--test",
                test, "--sequence-pairs"},
        };
        for (String[] c : refused) {
            String[] args = new String[c.length + 1];
            args[0] = "classify";
            args[1] = "tu:TINY";
            System.arraycopy(c, 1, args, 2, c.length - 1);

            Run r = MainTest.run(args);

            assertEquals(CliException.USAGE, r.exitCode(), List.of(args) + ": " + r.err());
            assertTrue(r.err().startsWith(Main.ERROR_PREFIX) && r.err().contains(c[0]),
                    List.of(args) + ": " + r.err());
            assertEquals(0, server.requests(), List.of(args) + ": " + r.err());
        }
        assertFalse(Files.exists(cache.resolve("TINY")));
    }

    /**
     * A split list that does not open, and the molecule options that a TU folder does not
     * take, are refused before the download, in the words used after it.
     */
    @Test
    void aMissingSplitListOrAMoleculeOptionDownloadsNothing() throws IOException {
        String train = Files.writeString(dir.resolve("train.txt"), "0\n").toString();
        String test = Files.writeString(dir.resolve("test.txt"), "1\n").toString();
        Path missing = dir.resolve("t").resolve("nofile.txt");

        Run noTrain = MainTest.run("classify", "tu:TINY", "--train", missing.toString(),
                "--test", test);
        Run noValidation = MainTest.run("classify", "tu:TINY", "--train", train,
                "--validation", missing.toString(), "--test", test);
        Run label = MainTest.run("mean", "tu:TINY", "--label-property", "x");
        Run skip = MainTest.run("classify", "tu:TINY", "--folds", "2", "--skip-invalid");
        Run listsSkip = MainTest.run("classify", "tu:TINY", "--train", train, "--test", test,
                "--skip-invalid");

        assertEquals(CliException.DATA, noTrain.exitCode(), noTrain.err());
        assertEquals(Main.ERROR_PREFIX + "cannot read --train " + missing + ": no such file: "
                + missing + "\n", noTrain.err());
        assertEquals(Main.ERROR_PREFIX + "cannot read --validation " + missing
                + ": no such file: " + missing + "\n", noValidation.err());
        assertEquals(CliException.USAGE, label.exitCode(), label.err());
        assertTrue(label.err().startsWith(Main.ERROR_PREFIX + "--label-property applies only"
                + " to "), label.err());
        assertTrue(label.err().endsWith(", not to tu:TINY (a TU folder)\n"), label.err());
        for (Run r : List.of(skip, listsSkip)) {
            assertEquals(CliException.USAGE, r.exitCode(), r.err());
            assertTrue(r.err().startsWith(Main.ERROR_PREFIX + "--skip-invalid applies only"
                    + " to "), r.err());
            assertTrue(r.err().endsWith(", not to tu:TINY (a TU folder)\n"), r.err());
        }
        assertEquals(0, server.requests());
        assertFalse(Files.exists(cache.resolve("TINY")));
    }

    /** Classify fetches a tu:NAME when it reads it, by folds or by split lists. */
    @Test
    void classifyThatPassesItsChecksFetchesWhenItLoads() throws IOException {
        server.serve("FOUR", TuMockServer.zip(List.of(
                Map.entry("FOUR/FOUR_A.txt", TuMockServer.text("1, 2\n2, 1\n3, 4\n4, 3\n"
                        + "5, 6\n6, 5\n7, 8\n8, 7\n8, 9\n9, 8\n")),
                Map.entry("FOUR/FOUR_graph_indicator.txt",
                        TuMockServer.text("1\n1\n2\n2\n3\n3\n4\n4\n4\n")),
                Map.entry("FOUR/FOUR_graph_labels.txt", TuMockServer.text("1\n2\n1\n2\n")))));
        Path train = Files.writeString(dir.resolve("train.txt"), "0\n1\n");
        Path test = Files.writeString(dir.resolve("test.txt"), "2\n3\n");

        Run folds = MainTest.run("classify", "tu:FOUR", "--folds", "2", "--k", "1", "--json");
        Run lists = MainTest.run("classify", "tu:FOUR", "--train", train.toString(), "--test",
                test.toString(), "--k", "1", "--json");

        assertEquals(0, folds.exitCode(), folds.err());
        assertEquals(note("FOUR"), folds.err());
        assertEquals(cache.resolve("FOUR").toString(), folds.json().get("dataset"));
        assertEquals(0, lists.exitCode(), lists.err());
        assertEquals("", lists.err());
        assertEquals(cache.resolve("FOUR").toString(), lists.json().get("dataset"));
        assertEquals(1, server.requests());
    }

    @Test
    void anOutputInsideTheCachedFolderIsRefusedAsInsideTheDataset() {
        MainTest.run("fetch", "TINY");
        Path inside = cache.resolve("TINY").resolve("mean.json");

        Run r = MainTest.run("mean", "tu:TINY", "--out", inside.toString());

        assertEquals(CliException.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("is a file inside DATASET"), r.err());
        assertFalse(Files.exists(inside));
        assertEquals(1, server.requests());
    }

    @Test
    void aCommandThatPassesItsChecksFetchesWhenItLoads() {
        Run r = MainTest.run("mean", "tu:TINY", "--json");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().startsWith(note("TINY")), r.err());
        assertEquals(1, server.requests());
    }

    @Test
    void fetchReportsEveryNameAndFailsWhenOneFailed() throws IOException {
        server.serve("SMALL", TuMockServer.zip(TuMockServer.tinyDataset("SMALL/", "SMALL")));

        Run r = MainTest.run("fetch", "TINY", "NOPE", "SMALL");

        assertEquals(CliException.DATA, r.exitCode(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(3, lines.length, r.out());
        assertEquals("TINY   downloaded      " + cache.resolve("TINY"), lines[0]);
        assertTrue(lines[1].startsWith("NOPE   failed          no TU data set named NOPE at "),
                lines[1]);
        assertEquals("SMALL  downloaded      " + cache.resolve("SMALL"), lines[2]);
        assertTrue(r.err().endsWith(Main.ERROR_PREFIX + "no TU data set named NOPE at "
                + server.baseUrl() + "NOPE.zip (HTTP 404); check the name's spelling and case,"
                + " as the collection lists it\n"), r.err());
        assertTrue(Files.isDirectory(cache.resolve("SMALL")));
    }

    @Test
    void fetchJsonHasAStatusAndAnErrorForEachName() {
        MainTest.run("fetch", "TINY");

        Run r = MainTest.run("fetch", "NOPE", "TINY", "GONE", "--json");

        assertEquals(CliException.DATA, r.exitCode(), r.err());
        assertTrue(r.err().endsWith(Main.ERROR_PREFIX + "2 of 3 data sets could not be"
                + " fetched: NOPE, GONE\n"), r.err());
        List<?> sets = (List<?>) r.json().get("datasets");
        Map<?, ?> nope = (Map<?, ?>) sets.get(0);
        Map<?, ?> tiny = (Map<?, ?>) sets.get(1);
        assertEquals("failed", nope.get("status"));
        assertTrue(((String) nope.get("error")).startsWith("no TU data set named NOPE"),
                String.valueOf(nope.get("error")));
        assertEquals(Boolean.FALSE, nope.get("downloaded"));
        assertEquals("cached", tiny.get("status"));
        assertEquals(null, tiny.get("error"));
        assertTrue(tiny.containsKey("error"));
    }

    @Test
    void anEmptyCacheFolderIsRefusedAndAnEmptySettingIsUnset() {
        Run empty = MainTest.run("fetch", "TINY", "--cache", "");
        System.setProperty(TuDatasetFetcher.CACHE_PROPERTY, "");
        Path fallback = TuDatasetFetcher.cacheFromEnvironment();

        assertEquals(CliException.USAGE, empty.exitCode(), empty.err());
        assertEquals(Main.ERROR_PREFIX + "--cache needs a folder (an empty one would be the"
                + " current folder)\n", empty.err());
        assertTrue(fallback.isAbsolute(), fallback.toString());
        assertTrue(fallback.endsWith(Path.of("orbifold", "tu")), fallback.toString());
        assertEquals(0, server.requests());
    }

    /**
     * A failed {@code --force} keeps the cached copy; the reason says so, and the JSON gives
     * the kept copy's folder with {@code kept} true (a tester found a null folder, which the
     * documentation explained as no folder holding the data set).
     */
    @Test
    void aFailedForceSaysTheCachedCopyIsKept() throws IOException {
        MainTest.run("fetch", "TINY");
        server.serve("TINY", TuMockServer.text("not a zip"));

        Run text = MainTest.run("fetch", "TINY", "--force");
        Run json = MainTest.run("fetch", "TINY", "OTHER", "--force", "--json");

        String kept = "; the cached copy in " + cache.resolve("TINY") + " is kept";
        assertEquals(CliException.DATA, text.exitCode(), text.err());
        assertTrue(text.out().startsWith("TINY  failed          refused " + server.baseUrl()
                + "TINY.zip: it is no readable zip file"), text.out());
        assertTrue(text.out().endsWith(kept + "\n"), text.out());
        assertTrue(text.err().endsWith(kept + "\n"), text.err());
        assertEquals(CliException.DATA, json.exitCode(), json.err());
        List<?> sets = (List<?>) json.json().get("datasets");
        Map<?, ?> tiny = (Map<?, ?>) sets.get(0);
        Map<?, ?> other = (Map<?, ?>) sets.get(1);
        assertEquals("failed", tiny.get("status"));
        assertEquals(cache.resolve("TINY").toString(), tiny.get("folder"));
        assertEquals(Boolean.TRUE, tiny.get("kept"));
        assertEquals(Boolean.FALSE, tiny.get("downloaded"));
        assertTrue(((String) tiny.get("error")).endsWith(kept), (String) tiny.get("error"));
        assertEquals("failed", other.get("status"));
        assertEquals(null, other.get("folder"), "no copy of OTHER is cached");
        assertEquals(Boolean.FALSE, other.get("kept"));
        assertEquals(2, TuDatasetReader.read(cache.resolve("TINY")).size());
    }

    /**
     * A relative cache setting is refused as a usage error naming it (a tester's
     * {@code ORBIFOLD_CACHE="~/c"} made a folder named {@code ~} in the current folder),
     * both by fetch and by a command reading {@code tu:NAME}; {@code fetch --cache} replaces
     * the setting, which then does not matter.
     */
    @Test
    void aRelativeCacheSettingIsAUsageErrorUnlessCacheIsGiven() {
        System.setProperty(TuDatasetFetcher.CACHE_PROPERTY, "~/c");
        Path other = dir.resolve("other");

        Run fetch = MainTest.run("fetch", "TINY");
        Run info = MainTest.run("info", "tu:TINY");
        Run given = MainTest.run("fetch", "TINY", "--cache", other.toString());

        String message = Main.ERROR_PREFIX + "system property orbifold.cache: '~/c' is a"
                + " relative path; give an absolute one ('~' is the home folder only to a shell,"
                + " which does not expand it inside quotes; write $HOME instead), or leave it"
                + " unset\n";
        assertEquals(CliException.USAGE, fetch.exitCode(), fetch.err());
        assertEquals(message, fetch.err());
        assertEquals(CliException.USAGE, info.exitCode(), info.err());
        assertEquals(message, info.err());
        assertEquals(0, given.exitCode(), given.err());
        assertTrue(Files.isDirectory(other.resolve("TINY")));
        assertFalse(Files.exists(Path.of("~")), "no folder named ~ in the current folder");
        assertEquals(1, server.requests());
    }

    @Test
    void aBadUrlSettingDoesNotStopADataSetAlreadyCached() {
        MainTest.run("fetch", "TINY");
        System.setProperty(TuDatasetFetcher.URL_PROPERTY, "not a url");

        Run cached = MainTest.run("info", "tu:TINY", "--json");
        Run missing = MainTest.run("info", "tu:OTHER");

        assertEquals(0, cached.exitCode(), cached.err());
        assertEquals(cache.resolve("TINY").toString(), cached.json().get("dataset"));
        assertEquals(CliException.USAGE, missing.exitCode(), missing.err());
        assertTrue(missing.err().contains("system property orbifold.tu.url"), missing.err());
        assertTrue(missing.err().endsWith(" (needed to download OTHER, which is not cached)\n"),
                missing.err());
        assertEquals(1, server.requests());
    }

    @Test
    void fetchOfCachedDataSetsIsNotStoppedByAnUnusableUrlSetting() {
        MainTest.run("fetch", "TINY");
        System.setProperty(TuDatasetFetcher.URL_PROPERTY, "file:///x/");
        String setting = Main.ERROR_PREFIX + "system property orbifold.tu.url: 'file:///x/' is"
                + " no http or https URL with a host, such as " + TuDatasetFetcher.DEFAULT_URL;

        Run cached = MainTest.run("fetch", "TINY");
        Run json = MainTest.run("fetch", "TINY", "--json");
        Run missing = MainTest.run("fetch", "TINY", "OTHER");
        Run forced = MainTest.run("fetch", "TINY", "--force");
        Run typed = MainTest.run("fetch", "TINY", "--url", "file:///x/");
        Run mirror = MainTest.run("fetch", "TINY", "--force", "--url",
                server.baseUrl().toString());

        assertEquals(0, cached.exitCode(), cached.err());
        assertEquals("TINY  already cached  " + cache.resolve("TINY") + "\n", cached.out());
        assertEquals("", cached.err());
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(json.json().containsKey("url"));
        assertEquals(null, json.json().get("url"));
        Map<?, ?> set = (Map<?, ?>) ((List<?>) json.json().get("datasets")).get(0);
        assertEquals("cached", set.get("status"));
        assertEquals(null, set.get("zip"));
        assertEquals(CliException.USAGE, missing.exitCode(), missing.err());
        assertEquals("", missing.out());
        assertEquals(setting + " (needed to download OTHER, which is not cached)\n",
                missing.err());
        assertEquals(CliException.USAGE, forced.exitCode(), forced.err());
        assertEquals(setting + " (needed to download TINY, as --force downloads again)\n",
                forced.err());
        assertEquals(CliException.USAGE, typed.exitCode(), typed.err());
        assertTrue(typed.err().startsWith(Main.ERROR_PREFIX + "--url: 'file:///x/' is no"
                + " http or https URL"), typed.err());
        assertEquals(0, mirror.exitCode(), mirror.err());
        assertEquals("TINY  downloaded      " + cache.resolve("TINY") + "\n", mirror.out());
        assertEquals(2, server.requests());
    }

    @Test
    void aDamagedCachedDataSetSuggestsFetchingItAgain() throws IOException {
        MainTest.run("fetch", "TINY");
        Files.delete(cache.resolve("TINY").resolve("TINY_graph_indicator.txt"));

        Run r = MainTest.run("info", "tu:TINY");

        assertEquals(CliException.DATA, r.exitCode(), r.err());
        assertTrue(r.err().contains("TINY_graph_indicator.txt"), r.err());
        assertTrue(r.err().endsWith("; if the cached copy is damaged, fetch it again with:"
                + " orbifold fetch --force TINY\n"), r.err());
        assertEquals(1, server.requests());
    }

    @Test
    void helpOnATuDatasetDownloadsNothing() {
        Run r = MainTest.run("info", "tu:TINY", "--help");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("tu:NAME"), r.out());
        assertEquals(0, server.requests());
    }

    @Test
    void aLocalFolderNamedLikeATuArgumentIsReadByAPathThatDoesNotStartWithThePrefix()
            throws IOException {
        Path folder = MainTest.copyLetters(dir, "tu:LETTERS", "A", "graph_indicator",
                "graph_labels", "node_attributes");

        Run r = MainTest.run("info", folder.toString(), "--json");

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(folder.toString(), r.json().get("dataset"));
        assertEquals(0, server.requests());
    }

    @Test
    void aPortOutOfRangeIsAUsageErrorBeforeAnyDownload() {
        for (String port : List.of("0", "65536", "70000", "99999")) {
            String url = "http://127.0.0.1:" + port + "/";

            Run option = MainTest.run("fetch", "TINY", "OTHER", "--json", "--url", url);
            System.setProperty(TuDatasetFetcher.URL_PROPERTY, url);
            Run setting = MainTest.run("fetch", "TINY", "--json");
            Run dataset = MainTest.run("info", "tu:TINY");
            System.setProperty(TuDatasetFetcher.URL_PROPERTY, server.baseUrl().toString());

            assertEquals(CliException.USAGE, option.exitCode(), option.err());
            assertEquals(Main.ERROR_PREFIX + "--url: '" + url + "' has the port " + port
                    + "; a port is from 1 to 65535\n", option.err());
            assertEquals("", option.out());
            assertEquals(CliException.USAGE, setting.exitCode(), setting.err());
            assertTrue(setting.err().contains("has the port " + port), setting.err());
            assertEquals("", setting.out());
            assertEquals(CliException.USAGE, dataset.exitCode(), dataset.err());
        }
        assertEquals(0, server.requests());
        assertFalse(Files.exists(cache.resolve("TINY")));
    }

    @Test
    void aUserAndPasswordInTheUrlAreRefusedUnshown() {
        String url = server.baseUrl().toString().replace("http://", "http://me:secret@");

        Run r = MainTest.run("fetch", "TINY", "--json", "--url", url);

        assertEquals(CliException.USAGE, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertFalse(r.err().contains("secret"), r.err());
        assertTrue(r.err().contains("http://***@127.0.0.1:"), r.err());
        assertEquals(0, server.requests());
    }

    @Test
    void anUncheckedErrorOfOneNameFailsThatNameAndTheOthersAreTried() throws IOException {
        server.serve("BAD", TuMockServer.zip(TuMockServer.tinyDataset("BAD/", "BAD")),
                TuMockServer.Behaviour.REDIRECT_TO_BAD_PORT);

        Run r = MainTest.run("fetch", "BAD", "TINY", "--json");

        assertEquals(CliException.DATA, r.exitCode(), r.err());
        List<?> sets = (List<?>) r.json().get("datasets");
        Map<?, ?> bad = (Map<?, ?>) sets.get(0);
        Map<?, ?> tiny = (Map<?, ?>) sets.get(1);
        assertEquals("failed", bad.get("status"));
        assertEquals(null, bad.get("folder"), "a failed name has no folder");
        assertTrue(((String) bad.get("error")).startsWith("cannot download "
                + server.baseUrl() + "BAD.zip: "), (String) bad.get("error"));
        assertEquals("downloaded", tiny.get("status"));
        assertEquals(cache.resolve("TINY").toString(), tiny.get("folder"));
        assertTrue(TuDatasetFetcher.isCachedDataset(cache.resolve("TINY"), "TINY"));
        assertFalse(Files.exists(cache.resolve("BAD")));
    }

    @Test
    void aCacheUnderAFileIsAUsageErrorAsACacheThatIsAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");

        Run direct = MainTest.run("fetch", "TINY", "--cache", file.toString());
        Run under = MainTest.run("fetch", "TINY", "--cache", file.resolve("sub").toString());
        Run deeper = MainTest.run("fetch", "TINY", "--json", "--cache",
                file.resolve("a/b").toString());

        assertEquals(CliException.USAGE, direct.exitCode(), direct.err());
        assertEquals(CliException.USAGE, under.exitCode(), under.err());
        assertEquals(Main.ERROR_PREFIX + "--cache: " + file.resolve("sub") + " lies under "
                + file + ", which is a file, not a folder\n", under.err());
        assertEquals(CliException.USAGE, deeper.exitCode(), deeper.err());
        assertEquals("", deeper.out());
        assertEquals(0, server.requests());
    }
}
