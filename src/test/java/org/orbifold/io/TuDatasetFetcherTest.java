package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fetches zips from a {@link TuMockServer} on the loopback address (never from the real site)
 * and checks what lands in the cache: the data set as the TU reader reads it, or, after any
 * failure, nothing at all.
 */
class TuDatasetFetcherTest {

    @TempDir
    Path dir;

    private TuMockServer server;
    private Path cache;
    private TuDatasetFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = new TuMockServer();
        cache = dir.resolve("cache");
        fetcher = TuDatasetFetcher.fromEnvironment().withBaseUrl(server.baseUrl())
                .withCache(cache);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The names in the cache folder other than that of the lock files; empty if none. */
    private List<String> cacheContents() throws IOException {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(cache)) {
            return names;
        }
        try (Stream<Path> files = Files.list(cache)) {
            files.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".locks"))
                    .sorted().forEach(names::add);
        }
        return names;
    }

    private byte[] tinyZip(String prefix, String name) throws IOException {
        return TuMockServer.zip(TuMockServer.tinyDataset(prefix, name));
    }

    @Test
    void fetchedMutagReadsAsTheSharedFolder() throws IOException {
        Path shared = TestDatasets.require("tu/MUTAG");
        server.serve("MUTAG", TuMockServer.zipFolder(shared, "MUTAG/"));
        List<long[]> progress = new ArrayList<>();
        TuDatasetFetcher listening = fetcher.withListener(new TuDatasetFetcher.Listener() {
            @Override
            public void progress(long bytesRead, long contentLength) {
                progress.add(new long[] {bytesRead, contentLength});
            }
        });

        Path folder = listening.fetch("MUTAG");

        assertEquals(cache.resolve("MUTAG"), folder);
        assertEquals(TuDatasetReader.read(shared), TuDatasetReader.read(folder));
        assertEquals(List.of("MUTAG"), cacheContents());
        long[] last = progress.get(progress.size() - 1);
        assertEquals(last[1], last[0], "the last progress report has every byte");
        assertEquals(Optional.of(folder), fetcher.cached("MUTAG"));
    }

    @Test
    void aCachedDataSetIsReturnedWithoutARequest() throws IOException {
        server.serve("TINY", tinyZip("TINY/", "TINY"));
        assertEquals(Optional.empty(), fetcher.cached("TINY"));

        Path first = fetcher.fetch("TINY");
        Path second = fetcher.fetch("TINY");
        Path third = TuDatasetFetcher.fromEnvironment().withBaseUrl(server.baseUrl())
                .withCache(cache).fetch("TINY");

        assertEquals(1, server.requests());
        assertEquals(first, second);
        assertEquals(first, third);
        assertEquals(2, TuDatasetReader.read(first).size());
    }

    @Test
    void fetchingAgainDownloadsAndReplaces() throws IOException {
        server.serve("TINY", tinyZip("TINY/", "TINY"));
        Path folder = fetcher.fetch("TINY");
        Files.writeString(folder.resolve("extra.txt"), "left by hand");

        assertEquals(folder, fetcher.fetch("TINY", true));

        assertEquals(2, server.requests());
        assertFalse(Files.exists(folder.resolve("extra.txt")));
        assertEquals(List.of("TINY"), cacheContents());
    }

    @Test
    void leftoversOfAKilledFetchAreRemovedByTheNext() throws IOException {
        server.serve("TINY", tinyZip("TINY/", "TINY"));
        Files.createDirectories(cache.resolve(".TINY.part").resolve("TINY"));
        Files.writeString(cache.resolve(".TINY.part").resolve("TINY").resolve("TINY_A.txt"),
                "1, 2\n");
        Files.writeString(cache.resolve(".TINY.zip.part"), "half a zip");

        Path folder = fetcher.fetch("TINY");

        assertEquals(2, TuDatasetReader.read(folder).size());
        assertEquals(List.of("TINY"), cacheContents());
    }

    /** Leaves what a fetch killed while replacing TINY leaves: a half zip, a half folder. */
    private void leaveKilledReplacement() throws IOException {
        Path half = Files.createDirectories(cache.resolve(".TINY.part").resolve("TINY"));
        Files.writeString(half.resolve("TINY_A.txt"), "1, 2\n");
        Files.writeString(cache.resolve(".TINY.zip.part"), "half a zip");
        Path aside = Files.createDirectories(cache.resolve(".TINY.old"));
        Files.writeString(aside.resolve("TINY_A.txt"), "1, 2\n");
    }

    @Test
    void leftoversNextToACachedDataSetAreRemovedByTheNextFetchOrLookUp() throws IOException {
        server.serve("TINY", tinyZip("TINY/", "TINY"));
        Path folder = fetcher.fetch("TINY");
        leaveKilledReplacement();

        assertEquals(folder, fetcher.fetch("TINY"));
        assertEquals(List.of("TINY"), cacheContents());

        leaveKilledReplacement();
        assertEquals(Optional.of(folder), fetcher.cached("TINY"));
        assertEquals(List.of("TINY"), cacheContents());
        assertEquals(1, server.requests());
        assertEquals(2, TuDatasetReader.read(folder).size());
    }

    /**
     * The lock folder is safe to delete when no fetch runs (formats.md); a tester deleted it
     * and the leftovers beside the cached data set then stayed for good. The look-up and the
     * fetch now make the lock folder again and remove them.
     */
    @Test
    void leftoversAreRemovedAlsoWhenTheLockFolderWasDeleted() throws IOException {
        server.serve("TINY", tinyZip("TINY/", "TINY"));
        Path folder = fetcher.fetch("TINY");
        TuDatasetFetcher.deleteTree(cache.resolve(".locks"));
        leaveKilledReplacement();

        assertEquals(Optional.of(folder), fetcher.cached("TINY"));

        assertEquals(List.of("TINY"), cacheContents());
        assertTrue(Files.isRegularFile(cache.resolve(".locks").resolve("TINY.lock")));

        TuDatasetFetcher.deleteTree(cache.resolve(".locks"));
        leaveKilledReplacement();
        assertEquals(folder, fetcher.fetch("TINY"));
        assertEquals(List.of("TINY"), cacheContents());
        assertEquals(1, server.requests());
        assertEquals(2, TuDatasetReader.read(folder).size());
    }

    /** A lock folder that is a file is left alone, and so are the leftovers. */
    @Test
    void aLockFolderThatIsAFileKeepsTheLeftoversAndStillGivesTheDataSet() throws IOException {
        server.serve("TINY", tinyZip("TINY/", "TINY"));
        Path folder = fetcher.fetch("TINY");
        TuDatasetFetcher.deleteTree(cache.resolve(".locks"));
        Files.writeString(cache.resolve(".locks"), "a file");
        leaveKilledReplacement();

        assertEquals(Optional.of(folder), fetcher.cached("TINY"));

        assertEquals(List.of(".TINY.old", ".TINY.part", ".TINY.zip.part", "TINY"),
                cacheContents());
        assertEquals("a file", Files.readString(cache.resolve(".locks")));
    }

    /**
     * A tester moved the cached folder to {@code .TINY.old} and linked {@code TINY} to it:
     * the look-up followed the link, found the data set, and removed {@code .TINY.old}, the
     * data set itself. A linked data-set folder now leaves every leftover alone.
     */
    @Test
    void aDataSetFolderLinkedIntoALeftoverIsNotRemoved() throws IOException {
        server.serve("TINY", tinyZip("TINY/", "TINY"));
        Path folder = fetcher.fetch("TINY");
        Path aside = cache.resolve(".TINY.old");
        Files.move(folder, aside);
        Files.createSymbolicLink(folder, aside.getFileName());

        assertEquals(Optional.of(folder), fetcher.cached("TINY"));
        assertEquals(folder, fetcher.fetch("TINY"));
        assertTrue(Files.exists(aside.resolve("TINY_A.txt")));
        assertEquals(2, TuDatasetReader.read(folder).size());
        assertEquals(1, server.requests());
    }

    @Test
    @Timeout(60)
    void aLookUpDuringAReplacementNeitherWaitsNorRemovesItsFiles() throws Exception {
        server.serve("TINY", tinyZip("TINY/", "TINY"));
        Path folder = fetcher.fetch("TINY");
        server.serve("TINY", new byte[4000], TuMockServer.Behaviour.PAUSE);
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try {
            threads.submit(() -> fetcher.fetch("TINY", true));
            server.paused.await();

            assertEquals(folder, fetcher.fetch("TINY"));
            assertEquals(Optional.of(folder), fetcher.cached("TINY"));
            assertTrue(Files.exists(cache.resolve(".TINY.zip.part")),
                    "the replacement's download is kept while it holds the lock");
        } finally {
            server.close();
            threads.shutdownNow();
            threads.awaitTermination(60, TimeUnit.SECONDS);
        }
        assertEquals(List.of("TINY"), cacheContents());
    }

    @Test
    void aLockFileThatCannotBeOpenedLeavesTheLeftoversAndStillGivesTheDataSet()
            throws IOException {
        server.serve("TINY", tinyZip("TINY/", "TINY"));
        Path folder = fetcher.fetch("TINY");
        Path lockFile = cache.resolve(".locks").resolve("TINY.lock");
        Files.delete(lockFile);
        Files.createDirectory(lockFile);
        leaveKilledReplacement();

        assertEquals(folder, fetcher.fetch("TINY"));
        assertEquals(Optional.of(folder), fetcher.cached("TINY"));
        assertEquals(List.of(".TINY.old", ".TINY.part", ".TINY.zip.part", "TINY"),
                cacheContents());
    }

    @Test
    void filesAtTheZipRootAreTaken() throws IOException {
        server.serve("TINY", tinyZip("", "TINY"));

        Path folder = fetcher.fetch("TINY");

        assertEquals(2, TuDatasetReader.read(folder).size());
        assertEquals(List.of("TINY"), cacheContents());
    }

    @Test
    void aRedirectIsFollowed() throws IOException {
        server.serve("TINY", tinyZip("TINY/", "TINY"), TuMockServer.Behaviour.REDIRECT);

        assertEquals(2, TuDatasetReader.read(fetcher.fetch("TINY")).size());
        assertEquals(2, server.requests());
    }

    @Test
    void aMissingDataSetIsNamedWithItsUrl() throws IOException {
        IOException e = assertThrows(IOException.class, () -> fetcher.fetch("NOPE"));

        assertTrue(e.getMessage().startsWith("no TU data set named NOPE at "
                + server.baseUrl() + "NOPE.zip"), e.getMessage());
        assertEquals(List.of(), cacheContents());
        assertEquals(Optional.empty(), fetcher.cached("NOPE"));
        // As formats.md says: the failed name's lock file stays, empty, and nothing else.
        Path lock = cache.resolve(".locks").resolve("NOPE.lock");
        assertTrue(Files.isRegularFile(lock), lock.toString());
        assertEquals(0, Files.size(lock));
    }

    @Test
    void aConnectionClosedMidBodyLeavesNothing() throws IOException {
        server.serve("TINY", tinyZip("TINY/", "TINY"), TuMockServer.Behaviour.CUT_SHORT);

        IOException e = assertThrows(IOException.class, () -> fetcher.fetch("TINY"));

        assertTrue(e.getMessage().contains(server.baseUrl() + "TINY.zip"), e.getMessage());
        assertTrue(e.getMessage().contains("download TINY.zip by hand"), e.getMessage());
        assertTrue(e.getMessage().matches(".*ended after \\d+ of the \\d+ bytes announced.*"),
                e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    @Test
    void aBodyShorterThanItsContentLengthIsRefused() throws IOException {
        byte[] zip = tinyZip("TINY/", "TINY");
        TuDatasetFetcher raw = fetcher.withBaseUrl(TuMockServer.rawOnce(zip.length + 100, zip));

        IOException e = assertThrows(IOException.class, () -> raw.fetch("TINY"));

        assertTrue(e.getMessage().contains("TINY.zip"), e.getMessage());
        assertTrue(e.getMessage().contains("ended after " + zip.length + " of the "
                + (zip.length + 100) + " bytes announced"), e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    @Test
    void aContentLengthShorterThanTheZipCutsItAndTheZipIsRefused() throws IOException {
        byte[] zip = tinyZip("TINY/", "TINY");
        TuDatasetFetcher raw = fetcher.withBaseUrl(TuMockServer.rawOnce(zip.length - 30, zip));

        IOException e = assertThrows(IOException.class, () -> raw.fetch("TINY"));

        assertTrue(e.getMessage().contains("no readable zip file"), e.getMessage());
        assertTrue(e.getMessage().contains("; the download may have been cut short: "
                + (zip.length - 30) + " bytes arrived"), e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    /**
     * An HTTP/1.1 body without Content-Length ends where the server closes the connection,
     * so a body cut short arrives as a complete one; the zip, whose table of contents is at
     * its end, then does not read, and the message says the download may have been cut.
     */
    @Test
    void aBodyWithoutLengthCutShortSaysTheDownloadMayHaveBeenCut() throws IOException {
        byte[] zip = tinyZip("TINY/", "TINY");
        byte[] half = Arrays.copyOf(zip, zip.length / 2);
        URI raw = TuMockServer.rawOnceWithoutLength(half);

        IOException e = assertThrows(IOException.class,
                () -> fetcher.withBaseUrl(raw).fetch("TINY"));

        assertTrue(e.getMessage().startsWith("refused " + raw + "TINY.zip: it is no readable"
                + " zip file ("), e.getMessage());
        assertTrue(e.getMessage().contains("; the download may have been cut short: "
                + half.length + " bytes arrived, and a zip keeps its table of contents at its"
                + " end"), e.getMessage());
        assertTrue(e.getMessage().contains("download TINY.zip by hand"), e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    @Test
    void aStalledDownloadTimesOut() throws IOException {
        server.serve("TINY", new byte[4000], TuMockServer.Behaviour.PAUSE);
        TuDatasetFetcher impatient = fetcher.withTimeouts(Duration.ofSeconds(10),
                Duration.ofMillis(300));

        IOException e = assertThrows(IOException.class, () -> impatient.fetch("TINY"));

        assertTrue(e.getMessage().contains("received no data"), e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    @Test
    void aServerThatNeverAnswersTimesOutSayingHowLongItWaited() throws IOException {
        // The system accepts connections into the socket's backlog, and the request's bytes
        // into its buffer, though nothing ever reads them or answers.
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 5,
                java.net.InetAddress.getLoopbackAddress())) {
            URI base = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/tu/");
            TuDatasetFetcher impatient = fetcher.withBaseUrl(base)
                    .withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(10));

            IOException e = assertThrows(IOException.class, () -> impatient.fetch("TINY"));

            assertTrue(e.getMessage().startsWith("cannot download " + base + "TINY.zip:"
                    + " received no response headers within 300 ms (the server accepted the"
                    + " request but did not answer); check the network"), e.getMessage());
        }
        assertEquals(List.of(), cacheContents());
    }

    @Test
    void aConnectionThatIsNeverMadeTimesOutSayingHowLongItWaited() throws IOException {
        // A server socket whose backlog is full takes no more connections: the system drops
        // their first packets, so that a connect waits (Linux does; the test is skipped where
        // the filling connections are all taken).
        List<java.net.Socket> filling = new ArrayList<>();
        try (java.net.ServerSocket full = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            boolean isFull = false;
            for (int k = 0; k < 10 && !isFull; k++) {
                java.net.Socket socket = new java.net.Socket();
                filling.add(socket);
                try {
                    socket.connect(new java.net.InetSocketAddress(
                            java.net.InetAddress.getLoopbackAddress(), full.getLocalPort()), 200);
                } catch (java.net.SocketTimeoutException e) {
                    isFull = true;
                }
            }
            Assumptions.assumeTrue(isFull, "the system took 10 connections to a backlog of 1");
            URI base = URI.create("http://127.0.0.1:" + full.getLocalPort() + "/tu/");
            TuDatasetFetcher impatient = fetcher.withBaseUrl(base)
                    .withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(10));

            IOException e = assertThrows(IOException.class, () -> impatient.fetch("TINY"));

            assertTrue(e.getMessage().startsWith("cannot download " + base + "TINY.zip: no"
                    + " connection within 300 ms (offline, or a firewall); check the network"),
                    e.getMessage());
        } finally {
            for (java.net.Socket socket : filling) {
                socket.close();
            }
        }
        assertEquals(List.of(), cacheContents());
    }

    @Test
    void anInterruptedDownloadLeavesNothing() throws Exception {
        server.serve("TINY", new byte[4000], TuMockServer.Behaviour.PAUSE);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Throwable> fetch = thread.submit(() -> {
                try {
                    fetcher.fetch("TINY");
                    return null;
                } catch (IOException e) {
                    return Thread.currentThread().isInterrupted() ? e : new AssertionError(
                            "the interrupt is kept", e);
                }
            });
            server.paused.await();
            thread.shutdownNow();
            Throwable e = fetch.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(e instanceof java.io.InterruptedIOException, String.valueOf(e));
            assertTrue(e.getMessage().startsWith("interrupted while downloading "
                    + server.baseUrl() + "TINY.zip"), e.getMessage());
        } finally {
            thread.shutdownNow();
        }

        assertEquals(List.of(), cacheContents());
    }

    @Test
    void anEntryLeavingItsFolderIsRefused() throws IOException {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>(
                TuMockServer.tinyDataset("TINY/", "TINY"));
        entries.add(Map.entry("TINY/../../evil.txt", TuMockServer.text("escaped")));
        server.serve("TINY", TuMockServer.zip(entries));

        IOException e = assertThrows(IOException.class, () -> fetcher.fetch("TINY"));

        assertTrue(e.getMessage().contains("'TINY/../../evil.txt' would be written outside"),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("evil.txt")));
        assertEquals(List.of(), cacheContents());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/evil.txt", "C:/evil.txt", "TINY\\..\\evil.txt"})
    void absoluteAndDriveEntriesAreRefused(String entry) throws IOException {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>(
                TuMockServer.tinyDataset("TINY/", "TINY"));
        entries.add(Map.entry(entry, TuMockServer.text("escaped")));
        server.serve("TINY", TuMockServer.zip(entries));

        IOException e = assertThrows(IOException.class, () -> fetcher.fetch("TINY"));

        assertTrue(e.getMessage().contains("would be written outside"), e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    @Test
    void aSymbolicLinkEntryIsRefused() throws IOException {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>(
                TuMockServer.tinyDataset("TINY/", "TINY"));
        entries.add(Map.entry("TINY/link", TuMockServer.text("/etc/passwd")));
        byte[] zip = TuMockServer.zip(entries);
        markAsUnixLink(zip, "TINY/link");
        server.serve("TINY", zip);

        IOException e = assertThrows(IOException.class, () -> fetcher.fetch("TINY"));

        assertTrue(e.getMessage().contains("'TINY/link' is a symbolic link"), e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    @Test
    void aFalseEndRecordInTheZipCommentDoesNotHideASymbolicLink() throws IOException {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>(
                TuMockServer.tinyDataset("TINY/", "TINY"));
        entries.add(Map.entry("TINY/link", TuMockServer.text("/etc/passwd")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
            // An end record of an empty directory, then one more byte, as the comment.
            zip.setComment(new String(new char[] {'P', 'K', 5, 6}) + "\0".repeat(18) + "!");
        }
        byte[] zip = bytes.toByteArray();
        markAsUnixLink(zip, "TINY/link");
        server.serve("TINY", zip);

        IOException e = assertThrows(IOException.class, () -> fetcher.fetch("TINY"));

        assertTrue(e.getMessage().contains("'TINY/link' is a symbolic link"), e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anEntryFailingItsCrcIsRefusedBeforeTheReaderRuns(boolean stored) throws IOException {
        List<Map.Entry<String, byte[]>> entries = TuMockServer.tinyDataset("TINY/", "TINY");
        byte[] zip = stored ? storedZip(entries) : TuMockServer.zip(entries);
        // A label 1 becomes 7, which still reads: only the CRC-32 tells.
        if (stored) {
            int at = indexOf(zip, TuMockServer.text("1\n-1\n"));
            zip[at] = '7';
        } else {
            corruptCentralCrc(zip, "TINY/TINY_graph_labels.txt");
        }
        server.serve("TINY", zip);

        IOException e = assertThrows(IOException.class, () -> fetcher.fetch("TINY"));

        assertEquals("corrupt zip: entry 'TINY/TINY_graph_labels.txt' of " + server.baseUrl()
                + "TINY.zip fails its CRC-32 check", e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    /** Returns a zip of the entries stored without compression. */
    private static byte[] storedZip(List<Map.Entry<String, byte[]>> entries)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries) {
                ZipEntry e = new ZipEntry(entry.getKey());
                CRC32 crc = new CRC32();
                crc.update(entry.getValue());
                e.setMethod(ZipEntry.STORED);
                e.setSize(entry.getValue().length);
                e.setCrc(crc.getValue());
                zip.putNextEntry(e);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0,
                    needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    /** Flips a bit of an entry's CRC-32 in its central directory header (offset 16). */
    private static void corruptCentralCrc(byte[] zip, String name) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 + nameBytes.length <= zip.length; i++) {
            if (bytes.getInt(i) == 0x02014b50 && Arrays.equals(zip, i + 46,
                    i + 46 + nameBytes.length, nameBytes, 0, nameBytes.length)) {
                zip[i + 16] ^= 1;
                return;
            }
        }
        throw new AssertionError("no central directory header for " + name);
    }

    /**
     * Marks an entry of a zip as made on Unix with the mode of a symbolic link, in its
     * central directory header (APPNOTE.TXT 4.3.12: "version made by" at offset 4, external
     * attributes at 38).
     */
    private static void markAsUnixLink(byte[] zip, String name) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 + nameBytes.length <= zip.length; i++) {
            if (bytes.getInt(i) != 0x02014b50 || (bytes.getShort(i + 28) & 0xFFFF)
                    != nameBytes.length) {
                continue;
            }
            boolean same = true;
            for (int k = 0; k < nameBytes.length; k++) {
                same &= zip[i + 46 + k] == nameBytes[k];
            }
            if (same) {
                bytes.putShort(i + 4, (short) (3 << 8 | 20));
                bytes.putInt(i + 38, 0120777 << 16);
                return;
            }
        }
        throw new AssertionError("no central directory header for " + name);
    }

    @Test
    void filesOverTheSizeLimitAreRefusedAsABomb() throws IOException {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>(
                TuMockServer.tinyDataset("TINY/", "TINY"));
        entries.add(Map.entry("TINY/zeros.txt", new byte[1 << 20]));
        byte[] zip = TuMockServer.zip(entries);
        server.serve("TINY", zip);
        TuDatasetFetcher capped = fetcher.withLimits(100_000, 100);
        assertTrue(zip.length < 100_000, "the zip itself is under the limit");

        IOException e = assertThrows(IOException.class, () -> capped.fetch("TINY"));

        assertTrue(e.getMessage().contains("more than the limit of 100000 bytes uncompressed"),
                e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        server.serve("TINY", tinyZip("TINY/", "TINY"));

        IOException e = assertThrows(IOException.class,
                () -> fetcher.withLimits(1 << 20, 2).fetch("TINY"));

        assertTrue(e.getMessage().contains("3 entries, more than the limit of 2"),
                e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    @Test
    void aDownloadOverTheSizeLimitIsRefused() throws IOException {
        server.serve("TINY", tinyZip("TINY/", "TINY"));

        IOException e = assertThrows(IOException.class,
                () -> fetcher.withLimits(50, 100).fetch("TINY"));

        assertTrue(e.getMessage().contains("more than the limit of 50"), e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    @Test
    void aDataSetWithoutGraphIndicatorIsRefusedWithTheReadersMessage() throws IOException {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>(
                TuMockServer.tinyDataset("TINY/", "TINY"));
        entries.remove(1);
        server.serve("TINY", TuMockServer.zip(entries));

        IOException e = assertThrows(IOException.class, () -> fetcher.fetch("TINY"));

        assertTrue(e.getMessage().contains("holds no valid TU data set TINY"), e.getMessage());
        assertTrue(e.getMessage().contains("TINY_graph_indicator.txt"), e.getMessage());
        assertFalse(e.getMessage().contains(".part"), e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    @Test
    void aZipWithoutTheDataSetNamesWhatItHolds() throws IOException {
        server.serve("TINY", tinyZip("OTHER/", "OTHER"));

        IOException e = assertThrows(IOException.class, () -> fetcher.fetch("TINY"));

        assertTrue(e.getMessage().contains("holds no TINY_A.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("OTHER/OTHER_A.txt"), e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    @Test
    void aZipWithoutTheDataSetListsFilesOfNestedFolders() throws IOException {
        server.serve("TINY", tinyZip("deep/er/OTHER/", "OTHER"));

        IOException e = assertThrows(IOException.class, () -> fetcher.fetch("TINY"));

        assertTrue(e.getMessage().contains("(it holds deep/er/OTHER/OTHER_A.txt, "),
                e.getMessage());
    }

    @Test
    void onlyTheDataSetsOwnFilesAreKept() throws IOException {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>(
                TuMockServer.tinyDataset("TINY/", "TINY"));
        entries.add(Map.entry("TINY/README.txt", TuMockServer.text("about TINY")));
        entries.add(Map.entry("TINY/extra/notes.txt", TuMockServer.text("a folder")));
        entries.add(Map.entry("TINY/TINY.csv", TuMockServer.text("not a TU file")));
        entries.add(Map.entry("other/TINY_x.txt", TuMockServer.text("another folder")));
        server.serve("TINY", TuMockServer.zip(entries));

        Path folder = fetcher.fetch("TINY");

        List<String> kept;
        try (Stream<Path> files = Files.list(folder)) {
            kept = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("README.txt", "TINY_A.txt", "TINY_graph_indicator.txt",
                "TINY_graph_labels.txt"), kept);
        assertEquals(List.of("TINY"), cacheContents());
    }

    @Test
    void notAZipIsRefused() throws IOException {
        server.serve("TINY", TuMockServer.text("not a zip, nor a page"));

        IOException e = assertThrows(IOException.class, () -> fetcher.fetch("TINY"));

        assertTrue(e.getMessage().contains("no readable zip file"), e.getMessage());
        // Not even the start of a zip: no hint of a cut download.
        assertFalse(e.getMessage().contains("cut short"), e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    @Test
    void anHtmlPageIsRefusedAsAPage() throws IOException {
        server.serve("TINY", TuMockServer.text("\n <html>a login page</html>"));
        server.serve("LABELLED", TuMockServer.text("a login page"), TuMockServer.Behaviour.HTML);
        server.serve("ZIP", tinyZip("ZIP/", "ZIP"), TuMockServer.Behaviour.HTML);

        IOException body = assertThrows(IOException.class, () -> fetcher.fetch("TINY"));
        IOException labelled = assertThrows(IOException.class, () -> fetcher.fetch("LABELLED"));

        assertTrue(body.getMessage().startsWith(server.baseUrl() + "TINY.zip sent an HTML page"
                + " (its body starts with '<'), not a zip; check the network"), body.getMessage());
        assertTrue(body.getMessage().contains("; check the network (or set ORBIFOLD_TU_URL to"
                + " a mirror)"), body.getMessage());
        IOException given = assertThrows(IOException.class, () -> fetcher.withBaseUrl(
                fetcher.baseUrl(), "--url").fetch("TINY"));
        assertTrue(given.getMessage().contains("; check the network (or the mirror given by"
                + " --url), or download TINY.zip"), given.getMessage());
        assertTrue(labelled.getMessage().startsWith(server.baseUrl() + "LABELLED.zip sent an"
                + " HTML page (Content-Type text/html; charset=utf-8), not a zip"),
                labelled.getMessage());
        assertEquals(2, TuDatasetReader.read(fetcher.fetch("ZIP")).size(),
                "a zip labelled as HTML is still a zip");
        assertEquals(List.of("ZIP"), cacheContents());
    }

    @Test
    void aRedirectLoopSaysTheRedirectsDidNotEnd() throws IOException {
        server.serve("TINY", tinyZip("TINY/", "TINY"), TuMockServer.Behaviour.REDIRECT_LOOP);

        IOException e = assertThrows(IOException.class, () -> fetcher.fetch("TINY"));

        assertTrue(e.getMessage().startsWith(server.baseUrl() + "TINY.zip redirects without"
                + " end (too many redirects, the last one HTTP 302 to /tu/TINY.zip); check"),
                e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    @Test
    void aCacheThatIsAFileSaysSo() throws IOException {
        Files.writeString(dir.resolve("file"), "x");
        TuDatasetFetcher onFile = fetcher.withCache(dir.resolve("file"));

        IOException e = assertThrows(IOException.class, () -> onFile.fetch("TINY"));

        assertEquals("cannot create the cache folder " + dir.resolve("file") + ": "
                + dir.resolve("file") + " is a file, not a folder; choose another with"
                + " ORBIFOLD_CACHE", e.getMessage());
        assertEquals(0, server.requests());
    }

    /** A lock folder that is a file is named as such, not the cache folder, which is fine. */
    @Test
    void aLockFolderThatIsAFileIsNamedInsteadOfTheCache() throws IOException {
        Path cache = dir.resolve("cache");
        Files.createDirectories(cache);
        Files.writeString(cache.resolve(".locks"), "x");
        TuDatasetFetcher inCache = fetcher.withCache(cache);

        IOException e = assertThrows(IOException.class, () -> inCache.fetch("TINY", true));

        assertEquals("cannot create the lock folder " + cache.resolve(".locks") + " in the"
                + " cache " + cache + ": it is a file, not a folder; remove it (a fetch makes"
                + " the folder again) or choose another cache with ORBIFOLD_CACHE",
                e.getMessage());
        assertEquals(0, server.requests());
        assertEquals("x", Files.readString(cache.resolve(".locks")));
    }

    @Test
    void aUrlOfAZipIsRefusedAsNotTheFolder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TuDatasetFetcher.parseUrl("http://127.0.0.1:9/tu/MUTAG.zip", "--url"));

        assertEquals("--url: 'http://127.0.0.1:9/tu/MUTAG.zip' names a zip file; give the"
                + " folder that holds the NAME.zip files, such as http://127.0.0.1:9/tu/ (the"
                + " fetcher adds NAME.zip)", e.getMessage());
    }

    @Test
    void aFolderOfTheNameThatHoldsNoDataSetIsLeftAlone() throws IOException {
        server.serve("TINY", tinyZip("TINY/", "TINY"));
        Files.createDirectories(cache.resolve("TINY"));
        Files.writeString(cache.resolve("TINY").resolve("mine.txt"), "keep");

        IOException e = assertThrows(IOException.class, () -> fetcher.fetch("TINY", true));

        assertTrue(e.getMessage().contains("holds no TU data set TINY"), e.getMessage());
        assertEquals("keep", Files.readString(cache.resolve("TINY").resolve("mine.txt")));
        assertEquals(0, server.requests());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", ".hidden", "a/b", "a..b", "../MUTAG", "MUTAG?x=1",
        "MU TAG", "MUTAG/", "a\\b"})
    void badNamesAreRefusedBeforeAnyRequest(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fetcher.fetch(name));

        assertTrue(e.getMessage().contains("is no TU data set name"), e.getMessage());
        assertEquals(0, server.requests());
        assertThrows(IllegalArgumentException.class, () -> fetcher.cached(name));
    }

    @Test
    void namesWithAPrefixOrASuffixOrADashFirstOrTooLongSayWhy() {
        assertEquals("'tu:MUTAG' is no TU data set name: give the name without tu:, such as"
                + " MUTAG", refusal("tu:MUTAG"));
        assertEquals("'MUTAG.zip' is no TU data set name: give the name without .zip, such as"
                + " MUTAG (the fetcher downloads NAME.zip)", refusal("MUTAG.zip"));
        assertTrue(refusal("MUTAG.ZIP").contains("without .zip"), refusal("MUTAG.ZIP"));
        assertTrue(refusal("-x").startsWith("'-x' is no TU data set name: expected ASCII"
                + " letters, digits, '-', '_' and '.' ('.' and '-' not first"), refusal("-x"));
        String tooLong = "A".repeat(TuDatasetFetcher.MAX_NAME_LENGTH + 1);
        assertEquals("'" + "A".repeat(20) + "...' (101 characters) is no TU data set name: a"
                + " name has at most 100 characters", refusal(tooLong));
        String longest = "A".repeat(TuDatasetFetcher.MAX_NAME_LENGTH);
        assertEquals(longest, TuDatasetFetcher.requireValidName(longest));
        assertEquals("a-b.zipx", TuDatasetFetcher.requireValidName("a-b.zipx"));
        assertEquals(0, server.requests());
    }

    private static String refusal(String name) {
        return assertThrows(IllegalArgumentException.class,
                () -> TuDatasetFetcher.requireValidName(name)).getMessage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MUTAG", "IMDB-BINARY", "reddit_threads", "Letter-high", "v1.2"})
    void publishedNamesAreAccepted(String name) {
        assertEquals(name, TuDatasetFetcher.requireValidName(name));
    }

    @Test
    void twoConcurrentFetchesEndWithOneValidFolder() throws Exception {
        Path shared = TestDatasets.require("tu/MUTAG");
        server.serve("MUTAG", TuMockServer.zipFolder(shared, "MUTAG/"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Path>> results;
        try {
            Callable<Path> fetch = () -> TuDatasetFetcher.fromEnvironment()
                    .withBaseUrl(server.baseUrl()).withCache(cache).fetch("MUTAG");
            results = pool.invokeAll(List.of(fetch, fetch));
        } finally {
            pool.shutdown();
        }

        assertEquals(results.get(0).get(), results.get(1).get());
        assertEquals(1, server.requests(), "the second waits and finds the first's data set");
        assertEquals(List.of("MUTAG"), cacheContents());
        assertEquals(TuDatasetReader.read(shared), TuDatasetReader.read(cache.resolve("MUTAG")));
    }

    @Test
    void aFetchWaitingForAnotherOfTheSameNameTellsItsListener() throws Exception {
        server.serve("TINY", new byte[4000], TuMockServer.Behaviour.PAUSE);
        CountDownLatch told = new CountDownLatch(1);
        List<Path> lockFiles = new CopyOnWriteArrayList<>();
        TuDatasetFetcher second = fetcher.withListener(new TuDatasetFetcher.Listener() {
            @Override
            public void waiting(String name, Path lockFile) {
                lockFiles.add(lockFile);
                told.countDown();
            }
        });
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            threads.submit(() -> fetcher.fetch("TINY"));
            server.paused.await();
            threads.submit(() -> second.fetch("TINY"));
            assertTrue(told.await(60, TimeUnit.SECONDS), "the second fetch says it waits");
        } finally {
            threads.shutdownNow();
            threads.awaitTermination(60, TimeUnit.SECONDS);
        }

        assertEquals(List.of(cache.resolve(".locks").resolve("TINY.lock")), lockFiles);
    }

    @Test
    void aReadOnlyCacheSaysSoAndStillServesTheDataSetsItHolds() throws IOException {
        server.serve("TINY", tinyZip("TINY/", "TINY"));
        server.serve("OTHER", tinyZip("OTHER/", "OTHER"));
        fetcher.fetch("TINY");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Set<PosixFilePermission> readOnly = PosixFilePermissions.fromString("r-xr-xr-x");
        Set<PosixFilePermission> before = Files.getPosixFilePermissions(cache);
        Files.setPosixFilePermissions(cache, readOnly);
        Files.setPosixFilePermissions(empty, readOnly);
        try {
            Assumptions.assumeFalse(Files.isWritable(cache),
                    "the tests run as a user who may write any folder (root)");
            assertEquals(cache.resolve("TINY"), fetcher.fetch("TINY"));
            IOException other = assertThrows(IOException.class, () -> fetcher.fetch("OTHER"));
            IOException fresh = assertThrows(IOException.class,
                    () -> fetcher.withCache(empty).fetch("OTHER"));

            assertTrue(other.getMessage().startsWith("cannot write the cache folder " + cache
                    + " (permission denied on "), other.getMessage());
            assertTrue(other.getMessage().endsWith("); choose another with ORBIFOLD_CACHE"),
                    other.getMessage());
            assertTrue(fresh.getMessage().startsWith("cannot write the cache folder " + empty
                    + " (permission denied on "), fresh.getMessage());
            assertEquals(1, server.requests());
        } finally {
            Files.setPosixFilePermissions(cache, before);
            Files.setPosixFilePermissions(empty, before);
        }
    }

    @Test
    void aCacheOnAReadOnlyFileSystemSaysWhatCouldNotBeWrittenWithTheAdvice() {
        // A read-only mount cannot be made in a test: the system's error is built as Java
        // reports it (a FileSystemException with the system's reason).
        IOException folder = fetcher.unwritable(new FileSystemException(
                cache.resolve(".locks").toString(), null, "Read-only file system"));
        IOException lock = fetcher.unwritable(new FileSystemException(
                cache.resolve(".locks").resolve("PROTEINS.lock").toString(), null,
                "Read-only file system"));
        IOException denied = fetcher.withCacheOption("--cache").unwritable(
                new AccessDeniedException(
                        cache.resolve(".locks").toString()));

        assertEquals("cannot write the cache folder " + cache + " (" + cache.resolve(".locks")
                + ": read-only file system); choose another with ORBIFOLD_CACHE",
                folder.getMessage());
        assertEquals("cannot write the cache folder " + cache + " ("
                + cache.resolve(".locks").resolve("PROTEINS.lock") + ": read-only file system);"
                + " choose another with ORBIFOLD_CACHE", lock.getMessage());
        assertEquals("cannot write the cache folder " + cache + " (permission denied on "
                + cache.resolve(".locks") + "); choose another with --cache or ORBIFOLD_CACHE",
                denied.getMessage());
    }

    @Test
    void aLockFileThatCannotBeOpenedSaysSoWithTheAdvice() throws IOException {
        server.serve("TINY", tinyZip("TINY/", "TINY"));
        Files.createDirectories(cache.resolve(".locks").resolve("TINY.lock"));

        IOException e = assertThrows(IOException.class, () -> fetcher.fetch("TINY"));

        assertEquals("cannot write the cache folder " + cache + " ("
                + cache.resolve(".locks").resolve("TINY.lock") + ": is a directory); choose"
                + " another with ORBIFOLD_CACHE", e.getMessage());
        assertEquals(0, server.requests());
    }

    /** A named pipe as the lock file is refused without opening it, which would block. */
    @Test
    @Timeout(20)
    void aLockFileThatIsANamedPipeIsRefusedWithoutOpeningIt() throws Exception {
        server.serve("TINY", tinyZip("TINY/", "TINY"));
        Path lock = NamedPipes.make(Files.createDirectories(cache.resolve(".locks"))
                .resolve("TINY.lock"));

        IOException e = assertThrows(IOException.class, () -> fetcher.fetch("TINY"));

        assertEquals(lock + " is not a regular file (such as a named pipe or a device), which"
                + " the fetcher does not open as its lock file; remove it", e.getMessage());
        assertEquals(0, server.requests());
        Files.delete(lock);
        assertEquals(2, TuDatasetReader.read(fetcher.fetch("TINY")).size());
    }

    /**
     * A misnamed file of the data set in the zip is kept (it is NAME_*.txt) and noted at every
     * read of the cached set, so its labels are not lost unsaid.
     */
    @Test
    void aMisnamedFileOfTheDataSetIsNotedWhenTheCachedSetIsRead() throws IOException {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>(
                TuMockServer.tinyDataset("TINY/", "TINY"));
        entries.add(Map.entry("TINY/TINY_node_label.txt", TuMockServer.text("0\n0\n0\n1\n1\n")));
        server.serve("TINY", TuMockServer.zip(entries));

        GraphDataset d = TuDatasetReader.read(fetcher.fetch("TINY"));

        assertTrue(d.notes().contains("TINY_node_label.txt not read: no file of the TU format"
                + " (did you mean TINY_node_labels.txt?)"), d.notes().toString());
    }

    @Test
    void aCacheBelowAFileNamesTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Path below = file.resolve("cache");

        IOException e = assertThrows(IOException.class,
                () -> fetcher.withCache(below).fetch("TINY"));

        assertEquals("cannot create the cache folder " + below + ": " + file + " is a file,"
                + " not a folder; choose another with ORBIFOLD_CACHE", e.getMessage());
        assertEquals(0, server.requests());
    }

    @Test
    void aLinkToADataSetIsReadAndNeverReplaced() throws IOException {
        server.serve("TINY", tinyZip("TINY/", "TINY"));
        Path elsewhere = fetcher.withCache(dir.resolve("elsewhere")).fetch("TINY");
        Files.createDirectories(cache);
        Files.createSymbolicLink(cache.resolve("TINY"), elsewhere);
        Path emptyFolder = Files.createDirectory(dir.resolve("nothing"));
        Files.createSymbolicLink(cache.resolve("NOTHING"), emptyFolder);

        Path found = fetcher.fetch("TINY");
        IOException again = assertThrows(IOException.class, () -> fetcher.fetch("TINY", true));
        IOException empty = assertThrows(IOException.class, () -> fetcher.fetch("NOTHING"));

        assertEquals(cache.resolve("TINY"), found);
        assertEquals(Optional.of(found), fetcher.cached("TINY"));
        assertTrue(again.getMessage().contains("TINY is a symbolic link, which a fetch does"
                + " not replace; remove the link"), again.getMessage());
        assertTrue(empty.getMessage().contains("NOTHING is a symbolic link to no TU data set"
                + " NOTHING (no NOTHING_A.txt)"), empty.getMessage());
        assertEquals(1, server.requests());
        assertTrue(Files.isSymbolicLink(cache.resolve("TINY")));
    }

    @Test
    void settingsComeFromTheApiThenThePropertyThenTheVariable() {
        Map<String, String> properties = Map.of("user.home", "/home/u",
                TuDatasetFetcher.URL_PROPERTY, "http://127.0.0.1:1/property",
                TuDatasetFetcher.CACHE_PROPERTY, "/from/property");
        Map<String, String> variables = Map.of(TuDatasetFetcher.URL_VARIABLE,
                "http://127.0.0.1:1/variable/", TuDatasetFetcher.CACHE_VARIABLE, "/from/variable",
                "XDG_CACHE_HOME", "/xdg");

        TuDatasetFetcher both = TuDatasetFetcher.configured(properties::get, variables::get);
        TuDatasetFetcher variable = TuDatasetFetcher.configured(
                Map.of("user.home", "/home/u")::get, variables::get);
        TuDatasetFetcher xdg = TuDatasetFetcher.configured(Map.of("user.home", "/home/u")::get,
                Map.of("XDG_CACHE_HOME", "/xdg")::get);
        TuDatasetFetcher home = TuDatasetFetcher.configured(Map.of("user.home", "/home/u")::get,
                Map.<String, String>of()::get);

        assertEquals(URI.create("http://127.0.0.1:1/property/"), both.baseUrl());
        assertEquals(Path.of("/from/property"), both.cache());
        assertEquals(URI.create("http://127.0.0.1:1/variable/"), variable.baseUrl());
        assertEquals(Path.of("/from/variable"), variable.cache());
        assertEquals(Path.of("/xdg/orbifold/tu"), xdg.cache());
        assertEquals(TuDatasetFetcher.DEFAULT_URL, home.baseUrl());
        assertEquals(Path.of("/home/u/.cache/orbifold/tu"), home.cache());
        assertEquals(URI.create("http://127.0.0.1:2/api/"),
                both.withBaseUrl(URI.create("http://127.0.0.1:2/api")).baseUrl());
        assertEquals(URI.create("http://127.0.0.1:2/api/MUTAG.zip"),
                both.withBaseUrl(URI.create("http://127.0.0.1:2/api")).url("MUTAG"));
    }

    /**
     * A relative cache setting would put the cache under whatever folder a command runs in
     * (a tester's {@code ORBIFOLD_CACHE="~/c"} made a folder named {@code ~}); it is refused,
     * naming the setting, when the cache is used, and a cache given by the API replaces it.
     */
    @Test
    void aRelativeCacheSettingIsRefusedNamingIt() {
        Map<String, String> home = Map.of("user.home", "/home/u");
        TuDatasetFetcher relative = TuDatasetFetcher.configured(home::get,
                Map.of(TuDatasetFetcher.CACHE_VARIABLE, "cache/tu")::get);
        TuDatasetFetcher tilde = TuDatasetFetcher.configured(home::get,
                Map.of(TuDatasetFetcher.CACHE_VARIABLE, "~/c")::get);
        TuDatasetFetcher property = TuDatasetFetcher.configured(Map.of("user.home", "/home/u",
                TuDatasetFetcher.CACHE_PROPERTY, "rel")::get,
                Map.of(TuDatasetFetcher.CACHE_VARIABLE, "/abs")::get);

        IllegalArgumentException r = assertThrows(IllegalArgumentException.class,
                relative::cache);
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
                () -> tilde.folder("MUTAG"));
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                () -> property.cached("MUTAG"));

        assertEquals("environment variable ORBIFOLD_CACHE: 'cache/tu' is a relative path;"
                + " give an absolute one, such as " + Path.of("cache/tu").toAbsolutePath()
                + ", or leave it unset", r.getMessage());
        assertEquals("environment variable ORBIFOLD_CACHE: '~/c' is a relative path; give an"
                + " absolute one ('~' is the home folder only to a shell, which does not expand"
                + " it inside quotes; write $HOME instead), or leave it unset", t.getMessage());
        // Another user's home is no $HOME: the hint asks for the absolute path.
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> TuDatasetFetcher.configured(home::get,
                        Map.of(TuDatasetFetcher.CACHE_VARIABLE, "~user/x")::get).cache());
        assertEquals("environment variable ORBIFOLD_CACHE: '~user/x' is a relative path; give"
                + " an absolute one ('~user' is the home folder of user only to a shell, which"
                + " does not expand it inside quotes; write that folder's absolute path"
                + " instead), or leave it unset", other.getMessage());
        IllegalArgumentException bare = assertThrows(IllegalArgumentException.class,
                () -> TuDatasetFetcher.configured(home::get,
                        Map.of(TuDatasetFetcher.CACHE_VARIABLE, "~")::get).cache());
        assertTrue(bare.getMessage().contains("('~' is the home folder only to a shell"),
                bare.getMessage());
        assertTrue(p.getMessage().startsWith("system property orbifold.cache: 'rel' is a"
                + " relative path"), p.getMessage());
        assertEquals(Path.of("/abs/MUTAG"), relative.withCache(Path.of("/abs")).folder("MUTAG"));
        assertEquals(TuDatasetFetcher.DEFAULT_URL, relative.baseUrl());
        // As the XDG specification asks, a relative XDG_CACHE_HOME is ignored.
        assertEquals(Path.of("/home/u/.cache/orbifold/tu"), TuDatasetFetcher.configured(
                home::get, Map.of("XDG_CACHE_HOME", "rel")::get).cache());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1/tu/", "127.0.0.1/tu", "http:///tu",
        "http://127.0.0.1/tu?x=1", "http://[bad"})
    void unusableBaseUrlsAreRefused(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TuDatasetFetcher.parseUrl(url, "--url"));

        assertTrue(e.getMessage().startsWith("--url: '" + url + "'"), e.getMessage());
    }

    @Test
    void aRefusedConnectionSaysWhatToDo() throws IOException {
        URI closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/tu/");
        }

        IOException e = assertThrows(IOException.class,
                () -> fetcher.withBaseUrl(closed).fetch("MUTAG"));

        assertTrue(e.getMessage().startsWith("cannot download " + closed + "MUTAG.zip"),
                e.getMessage());
        assertTrue(e.getMessage().contains("pass its folder MUTAG as DATASET"), e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "70000", "99999"})
    void aPortOutsideOneTo65535IsRefusedByTheUrlCheck(String port) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TuDatasetFetcher.parseUrl("http://127.0.0.1:" + port + "/", "--url"));

        assertEquals("--url: 'http://127.0.0.1:" + port + "/' has the port " + port
                + "; a port is from 1 to 65535", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> fetcher.withBaseUrl(URI.create("http://127.0.0.1:" + port + "/")));
    }

    @Test
    void portsOneAnd65535AndNoPortPassTheUrlCheck() {
        assertEquals(1, TuDatasetFetcher.parseUrl("http://127.0.0.1:1/", "--url").getPort());
        assertEquals(65535, TuDatasetFetcher.parseUrl("http://127.0.0.1:65535/tu", "--url")
                .getPort());
        assertEquals(-1, TuDatasetFetcher.parseUrl("http://127.0.0.1/", "--url").getPort());
    }

    @Test
    void aNegativeOrHugePortIsRefusedSayingWhatAPortIs() {
        for (String port : List.of("-1", "99999999999")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TuDatasetFetcher.parseUrl("http://127.0.0.1:" + port + "/", "--url"));

            assertEquals("--url: 'http://127.0.0.1:" + port + "/' is no http or https URL"
                    + " with a host and a port from 1 to 65535, such as "
                    + TuDatasetFetcher.DEFAULT_URL, e.getMessage());
        }
    }

    @Test
    void aUrlWithAUserOrPasswordIsRefusedWithoutShowingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TuDatasetFetcher.parseUrl("http://user:secret@127.0.0.1:8/tu/", "--url"));
        IllegalArgumentException query = assertThrows(IllegalArgumentException.class,
                () -> TuDatasetFetcher.parseUrl("https://me:secret@host/tu/?x", "--url"));

        assertEquals("--url: 'http://***@127.0.0.1:8/tu/' holds a user name or password"
                + " before the host, which the fetcher does not send; give the URL without it",
                e.getMessage());
        assertFalse(query.getMessage().contains("secret"), query.getMessage());
        assertEquals("http://***@host/a@b", TuDatasetFetcher.withoutUserInfo(
                "http://u:p@w@host/a@b"));
        assertEquals("http://host/a@b", TuDatasetFetcher.withoutUserInfo("http://host/a@b"));
    }

    @Test
    void aRedirectWithoutLocationIsSaidInWords() throws IOException {
        server.serve("TINY", tinyZip("TINY/", "TINY"),
                TuMockServer.Behaviour.REDIRECT_WITHOUT_LOCATION);

        IOException e = assertThrows(IOException.class, () -> fetcher.fetch("TINY"));

        assertTrue(e.getMessage().startsWith("cannot download " + server.baseUrl()
                + "TINY.zip: the server answered with a redirect that says nowhere to go (an"
                + " HTTP 3xx status without a Location header); check"), e.getMessage());
        assertFalse(e.getMessage().contains("IOException"), e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    @Test
    void aRedirectToAMissingFileNamesTheUrlThatAnswered404() throws IOException {
        server.serve("TINY", tinyZip("TINY/", "TINY"),
                TuMockServer.Behaviour.REDIRECT_TO_MISSING);
        URI base = server.baseUrl();

        IOException e = assertThrows(IOException.class, () -> fetcher.fetch("TINY"));

        assertTrue(e.getMessage().startsWith("no TU data set named TINY at " + base
                + "TINY.zip (HTTP 404 at " + base.resolve("/moved/NOPE.zip")
                + ", to which it redirects); check"), e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    @Test
    void aChunkedBodyCutShortSaysTheServerClosedTheConnection() throws IOException {
        URI raw = TuMockServer.rawChunkedCut(tinyZip("TINY/", "TINY"));

        IOException e = assertThrows(IOException.class,
                () -> fetcher.withBaseUrl(raw).fetch("TINY"));

        assertTrue(e.getMessage().matches("the download of " + Pattern.quote(raw + "TINY.zip")
                + " broke off after \\d+ bytes, before the end of the body \\(the server"
                + " closed the connection\\); check .*"), e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    @Test
    void aCopyMovedAsideByAKilledReplacementIsMovedBackFirst() throws IOException {
        Path aside = Files.createDirectories(cache.resolve(".TINY.old"));
        for (Map.Entry<String, byte[]> file : TuMockServer.tinyDataset("", "TINY")) {
            Files.write(aside.resolve(file.getKey()), file.getValue());
        }
        GraphDataset before = TuDatasetReader.read(aside);

        Path folder = fetcher.fetch("TINY");

        assertEquals(cache.resolve("TINY"), folder);
        assertEquals(before, TuDatasetReader.read(folder));
        assertEquals(0, server.requests(), "the copy moved back needs no download");
        assertEquals(List.of("TINY"), cacheContents());
    }

    @Test
    void aFailedReplacementAfterAKilledOneKeepsTheCopyMovedBack() throws IOException {
        Path aside = Files.createDirectories(cache.resolve(".TINY.old"));
        for (Map.Entry<String, byte[]> file : TuMockServer.tinyDataset("", "TINY")) {
            Files.write(aside.resolve(file.getKey()), file.getValue());
        }

        assertThrows(IOException.class, () -> fetcher.fetch("TINY", true));

        assertEquals(1, server.requests());
        assertEquals(2, TuDatasetReader.read(cache.resolve("TINY")).size());
        assertEquals(List.of("TINY"), cacheContents());
    }

    @Test
    void aCopyAsideIsNotMovedOverAnExistingFolder() throws IOException {
        server.serve("TINY", tinyZip("TINY/", "TINY"));
        Path folder = fetcher.fetch("TINY");
        Path aside = Files.createDirectories(cache.resolve(".TINY.old"));
        Files.writeString(aside.resolve("TINY_A.txt"), "1, 2\n2, 1\n");

        assertEquals(folder, fetcher.fetch("TINY", true));

        assertEquals(2, TuDatasetReader.read(folder).size());
        assertEquals(List.of("TINY"), cacheContents(), "the stale copy aside is removed");
    }

    /** A corrupt zip on disk is named by its path, not as a file: URL. */
    @Test
    void aCorruptZipOnDiskIsNamedByItsPath() throws IOException {
        byte[] zip = TuMockServer.zip(TuMockServer.tinyDataset("TINY/", "TINY"));
        corruptCentralCrc(zip, "TINY/TINY_graph_labels.txt");
        Path file = Files.write(Files.createDirectories(dir.resolve("a b")).resolve("TINY.zip"),
                zip);
        Path empty = Files.write(dir.resolve("EMPTY.zip"), TuMockServer.zip(List.of(
                Map.entry("EMPTY/EMPTY_A.txt", TuMockServer.text("1, 2\n")),
                Map.entry("EMPTY/../x", TuMockServer.text("x")))));

        IOException crc = assertThrows(IOException.class, () -> TuDatasetFetcher.readZip(file));
        IOException outside = assertThrows(IOException.class,
                () -> TuDatasetFetcher.readZip(empty));

        assertEquals("corrupt zip: entry 'TINY/TINY_graph_labels.txt' of " + file
                + " fails its CRC-32 check", crc.getMessage());
        assertTrue(outside.getMessage().startsWith("refused " + empty + ": entry 'EMPTY/../x'"),
                outside.getMessage());
    }

    @Test
    void aZipReadFromDiskLeavesNoScratchFolder() throws IOException {
        Path zip = Files.write(dir.resolve("TINY.zip"), tinyZip("TINY/", "TINY"));
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = scratchFolders(tmp);

        GraphDataset read = TuDatasetFetcher.readZip(zip);

        assertEquals(2, read.size());
        assertEquals(before, scratchFolders(tmp));
    }

    private static List<Path> scratchFolders(Path tmp) throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(p -> p.getFileName().toString().startsWith("orbifold-tu-"))
                    .sorted().toList();
        }
    }

    /**
     * A process stopped by Ctrl-C (SIGINT) while a scratch folder is open leaves none: a child
     * Java process creates one as readZip does, writes a file into it, prints its path and
     * waits; the test interrupts it and checks the folder is gone.
     */
    @Test
    @Timeout(60)
    void aScratchFolderIsRemovedWhenTheProcessIsInterrupted() throws Exception {
        Path kill = Path.of("/bin/kill");
        Assumptions.assumeTrue(Files.isExecutable(kill), "no /bin/kill here");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp",
                System.getProperty("java.class.path"), ScratchFolderChild.class.getName())
                .redirectErrorStream(true).start();
        try {
            String line = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            assertTrue(line != null && line.startsWith("/"), String.valueOf(line));
            Path folder = Path.of(line);
            assertTrue(Files.isRegularFile(folder.resolve("TINY_A.txt")), line);

            Process signal = new ProcessBuilder(kill.toString(), "-INT",
                    String.valueOf(child.pid())).start();
            assertEquals(0, signal.waitFor());
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not stop");

            assertFalse(Files.exists(folder), folder + " is left behind");
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void aDeletedScratchFolderIsForgotten() throws IOException {
        Path folder = ScratchFolders.create("orbifold-tu-");
        Files.writeString(folder.resolve("x.txt"), "x");
        assertTrue(ScratchFolders.isOpen(folder));

        ScratchFolders.delete(folder);

        assertFalse(Files.exists(folder));
        assertFalse(ScratchFolders.isOpen(folder));
    }

    @Test
    void aRedirectToAnImpossiblePortFailsAsADownload() throws IOException {
        server.serve("TINY", tinyZip("TINY/", "TINY"),
                TuMockServer.Behaviour.REDIRECT_TO_BAD_PORT);

        IOException e = assertThrows(IOException.class, () -> fetcher.fetch("TINY"));

        assertTrue(e.getMessage().startsWith("cannot download " + server.baseUrl()
                + "TINY.zip: the server redirects to http://127.0.0.1:99999/x.zip, whose port"
                + " 99999 no connection can have (a port is from 1 to 65535); check the"
                + " network"), e.getMessage());
        assertFalse(e.getMessage().contains("IllegalArgumentException"), e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    /** A full disk (/dev/full) while writing the download is named as a write, not a cut. */
    @Test
    void aFullDiskIsNamedAsAFailedWriteOfTheCache() throws IOException {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.isWritable(full), "no /dev/full here");
        URI url = server.baseUrl().resolve("TINY.zip");

        IOException e;
        try (OutputStream out = Files.newOutputStream(full)) {
            e = assertThrows(IOException.class,
                    () -> TuDatasetFetcher.written(out, new byte[4096], 4096, full, url));
        }

        assertEquals("cannot write /dev/full (from " + url + "): No space left on device",
                e.getMessage());
    }
}
