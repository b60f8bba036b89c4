package org.orbifold.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Fetches data sets of the TU Dortmund collection (Morris, Kriege, Bause, Kersting, Mutzel and
 * Neumann 2020, "TUDataset: A collection of benchmark datasets for learning with graphs",
 * ICML 2020 GRL+ workshop, arXiv:2007.08663) by name into a cache folder, and finds them
 * there later without the network.
 *
 * <p><b>Where.</b> The collection publishes data set {@code NAME} as {@code NAME.zip} under a
 * base URL ({@link #DEFAULT_URL}), holding a folder {@code NAME/} with the files that
 * {@link TuDatasetReader} reads; files at the root of the zip are taken as well. Only the
 * data set's own files are kept: {@code NAME_*.txt} and files named {@code README...}. The base URL
 * is, first to last, the one given to {@link #withBaseUrl}, the system property
 * {@value #URL_PROPERTY}, the environment variable {@value #URL_VARIABLE}, or
 * {@link #DEFAULT_URL}; a mirror needs only to serve the same zip files under its own base.
 * The cache folder holds one folder per data set, {@code CACHE/NAME/NAME_A.txt} and so on; it
 * is, first to last, the one given to {@link #withCache}, the system property
 * {@value #CACHE_PROPERTY}, the environment variable {@value #CACHE_VARIABLE}, or
 * {@code $XDG_CACHE_HOME/orbifold/tu}, else {@code .cache/orbifold/tu} in the system property
 * {@code user.home} (the system user's home folder, which need not be {@code $HOME}). All of
 * these name the folder that holds the data-set folders; a property or variable that is
 * empty or blank counts as unset. A cache property or variable must be an absolute path: a
 * relative one (also one starting with {@code ~}, which no shell expanded) is refused,
 * naming it, when the cache is first used, just as {@code XDG_CACHE_HOME} counts only
 * when it is absolute.
 *
 * <p><b>Safety.</b> A fetch downloads into a temporary file of the cache ({@code .NAME.zip.part}),
 * checking the HTTP status and the announced length, and extracts into a temporary folder
 * ({@code .NAME.part}). It refuses entries with an absolute path, a {@code ..} step, a
 * backslash or a symbolic-link mode, entries whose bytes fail their CRC-32 check (a corrupt
 * zip), and zips whose download, whose files together
 * (uncompressed, as actually read) or whose entry count exceed the limits
 * ({@link #withLimits}); it keeps only regular files. The data set is then read by
 * {@link TuDatasetReader}, and only a set that reads without error is moved into place, by
 * one rename. Whatever fails (an HTTP error, a broken connection, an interrupt, a bad zip, a
 * malformed set), the temporary files are removed and the cache is left as it was. Fetches
 * of one name, by threads of one process or by several processes, take turns through a lock
 * file {@code .locks/NAME.lock} in the cache (left there, as removing it could let two
 * fetches hold locks on different files); the second finds the first's data set and downloads
 * nothing. Nothing is random: the temporary names are fixed, which the lock makes safe, and
 * leftovers of a process ended by a signal (SIGKILL, but also SIGTERM or Ctrl-C: no shutdown
 * hook cleans the cache) are removed by the next fetch of the name, or, when the data set
 * is cached, by the next fetch or {@link #cached} of the name that finds the lock free (it
 * does not wait for it, makes the lock folder when it was deleted, and a cache it cannot
 * write keeps them); when that
 * process was replacing the data set and was killed between moving the old copy aside
 * ({@code .NAME.old}) and moving the new one in, the next fetch of the name first moves the
 * old copy back.
 *
 * <p>Immutable and thread-safe; the {@code with} methods return changed copies.
 *
 * <p><b>Limitations.</b> Only the TU collection. The site publishes no checksums, so a data
 * set is validated by the zip's CRC-32 values and by parsing it, not by a hash: a zip
 * changed on the way whose CRC-32 values were changed with it, and that still reads as a TU
 * data set, is accepted. A replacement by {@link #fetch(String, boolean) fetch(name,
 * true)} swaps the folders by two renames, between which a reader of the cache that takes
 * no lock finds no folder (after a kill between them, until the next fetch of the name).
 * Not tried against the real site from the workplace where it was written (closed
 * network): the tests serve zips from a server on the loopback address.
 */
public final class TuDatasetFetcher {

    /** The collection's public base URL. */
    public static final URI DEFAULT_URL =
            URI.create("https://www.chrsmrrs.com/graphkerneldatasets/");

    /** The system property that sets the base URL (a mirror). */
    public static final String URL_PROPERTY = "orbifold.tu.url";

    /** The environment variable that sets the base URL, below {@value #URL_PROPERTY}. */
    public static final String URL_VARIABLE = "ORBIFOLD_TU_URL";

    /** The system property that sets the cache folder. */
    public static final String CACHE_PROPERTY = "orbifold.cache";

    /** The environment variable that sets the cache folder, below {@value #CACHE_PROPERTY}. */
    public static final String CACHE_VARIABLE = "ORBIFOLD_CACHE";

    /** The default limit of the download and of the uncompressed files together: 4 GiB. */
    public static final long DEFAULT_MAX_BYTES = 4L << 30;

    /** The default limit of the number of zip entries. */
    public static final int DEFAULT_MAX_ENTRIES = 1000;

    /** The most characters of a data set's name. */
    public static final int MAX_NAME_LENGTH = 100;

    /** Names the fetcher accepts: ASCII letters, digits, '-', '_' and '.', no dot or '-' first. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,"
            + (MAX_NAME_LENGTH - 1) + "}");

    /** The scheme and user information of a URL's text, up to the last '@' of its authority. */
    private static final Pattern USER_INFO = Pattern.compile(
            "^(\\s*[A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");

    /** Unix file type bits of a zip entry's external attributes, and a link's type. */
    private static final int TYPE_MASK = 0170000;
    private static final int TYPE_LINK = 0120000;

    /** Locks of the lock files this process holds, one per lock file path. */
    private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private final URI baseUrl;
    private final Path cache;
    private final Duration connectTimeout;
    private final Duration stallTimeout;
    private final long maxBytes;
    private final int maxEntries;
    private final Listener listener;
    /** What gave the base URL ({@code --url}, a variable or property), null for the default. */
    private final String urlSource;
    /** The command-line option that chooses the cache, or null when the command has none. */
    private final String cacheOption;
    /** Why the cache setting is unusable (the cache is then null), or null when it is fine. */
    private final String cacheProblem;

    /**
     * Hears of a fetch that waits or downloads. The methods do nothing by default.
     */
    public interface Listener {

        /**
         * A download starts (after the check that the data set is not cached).
         *
         * @param name the data set
         * @param url the zip's URL
         * @param folder the folder the data set will be in
         */
        default void started(String name, URI url, Path folder) {
        }

        /**
         * The fetch waits for another fetch of the same name (a thread of this process or
         * another process) to release its lock; it may then find the data set there.
         *
         * @param name the data set
         * @param lockFile the lock file the other fetch holds
         */
        default void waiting(String name, Path lockFile) {
        }

        /**
         * Bytes have arrived; called on the fetch's worker thread that reads the body.
         *
         * @param bytesRead the bytes read so far
         * @param contentLength the announced length, or -1 when the server announced none
         */
        default void progress(long bytesRead, long contentLength) {
        }
    }

    private TuDatasetFetcher(URI baseUrl, Path cache, Duration connectTimeout,
            Duration stallTimeout, long maxBytes, int maxEntries, Listener listener,
            String urlSource, String cacheOption, String cacheProblem) {
        this.cacheProblem = cacheProblem;
        this.urlSource = urlSource;
        this.cacheOption = cacheOption;
        this.baseUrl = baseUrl;
        this.cache = cache;
        this.connectTimeout = connectTimeout;
        this.stallTimeout = stallTimeout;
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
        this.listener = listener;
    }

    /**
     * Returns a fetcher configured by the system properties and environment variables (see
     * the class description), with timeouts of 30 s to connect and 60 s without data, the
     * default limits and no listener.
     *
     * @return the fetcher
     * @throws IllegalArgumentException if a property or variable holds no usable URL
     */
    public static TuDatasetFetcher fromEnvironment() {
        return configured(System::getProperty, System::getenv);
    }

    /**
     * Returns a fetcher configured as {@link #fromEnvironment} but with the default URL,
     * ignoring the URL settings; for a caller that sets the URL itself, or that needs only the
     * cache, so that an unusable URL setting does not stop it.
     *
     * @return the fetcher
     */
    public static TuDatasetFetcher fromEnvironmentWithoutUrl() {
        return configured(System::getProperty, System::getenv, false);
    }

    /**
     * Returns the cache folder that {@link #fromEnvironment} uses, whatever the URL settings.
     *
     * @return the folder that holds the data-set folders
     * @throws IllegalArgumentException if the cache setting is no absolute path, naming it
     */
    public static Path cacheFromEnvironment() {
        return fromEnvironmentWithoutUrl().cache();
    }

    /**
     * As {@link #fromEnvironment}, with the properties and variables from the functions. A
     * cache setting that is no absolute path is refused, naming the setting, when the cache
     * is first used ({@link #cache()}), so that a caller that chooses the cache itself
     * ({@link #withCache}) is not stopped by it.
     */
    static TuDatasetFetcher configured(UnaryOperator<String> property,
            UnaryOperator<String> variable) {
        return configured(property, variable, true);
    }

    private static TuDatasetFetcher configured(UnaryOperator<String> property,
            UnaryOperator<String> variable, boolean readUrl) {
        URI url = DEFAULT_URL;
        String urlSource = null;
        String urlText = firstSet(property.apply(URL_PROPERTY), variable.apply(URL_VARIABLE));
        if (readUrl && urlText != null) {
            urlSource = property.apply(URL_PROPERTY) != null
                    && !property.apply(URL_PROPERTY).isBlank()
                    ? "system property " + URL_PROPERTY : "environment variable " + URL_VARIABLE;
            url = parseUrl(urlText, urlSource);
        }
        String cacheText = firstSet(property.apply(CACHE_PROPERTY),
                variable.apply(CACHE_VARIABLE));
        Path cache;
        String cacheProblem = null;
        if (cacheText != null) {
            String source = property.apply(CACHE_PROPERTY) != null
                    && !property.apply(CACHE_PROPERTY).isBlank()
                    ? "system property " + CACHE_PROPERTY : "environment variable "
                    + CACHE_VARIABLE;
            cacheProblem = cacheSettingProblem(cacheText, source);
            cache = cacheProblem == null ? Path.of(cacheText) : null;
        } else {
            String xdg = variable.apply("XDG_CACHE_HOME");
            Path root = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                    ? Path.of(xdg) : Path.of(property.apply("user.home"), ".cache");
            cache = root.resolve("orbifold").resolve("tu");
        }
        return new TuDatasetFetcher(url, cache, Duration.ofSeconds(30), Duration.ofSeconds(60),
                DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRIES, null, urlSource, null, cacheProblem);
    }

    /**
     * Why a cache setting (property or variable) is unusable, or null when it is usable: it
     * must be an absolute path. A relative one would put the cache wherever the command
     * happens to run (as the XDG specification says of its own variables, which the fetcher
     * ignores when relative), and one starting with {@code ~} was meant as a home folder
     * ({@code ~} the user's, {@code ~user} another's), which only a shell expands, and only
     * outside quotes.
     */
    private static String cacheSettingProblem(String text, String source) {
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            return source + ": '" + text + "' is no usable path (" + e.getReason() + ")";
        }
        if (path.isAbsolute()) {
            return null;
        }
        return source + ": '" + text + "' is a relative path; give an absolute one"
                + (text.startsWith("~") ? tildeHint(text) : ", such as "
                + path.toAbsolutePath().normalize()) + ", or leave it unset";
    }

    /**
     * The hint for a cache setting that starts with {@code ~}: for {@code ~} or {@code ~/...},
     * the user's own home, to write {@code $HOME}; for {@code ~user/...}, another user's home
     * folder, which {@code $HOME} is not, to write the folder's absolute path.
     */
    private static String tildeHint(String text) {
        int slash = text.indexOf('/');
        String head = slash < 0 ? text : text.substring(0, slash);
        if (head.equals("~")) {
            return " ('~' is the home folder only to a shell, which does not expand it inside"
                    + " quotes; write $HOME instead)";
        }
        return " ('" + head + "' is the home folder of " + head.substring(1) + " only to a"
                + " shell, which does not expand it inside quotes; write that folder's"
                + " absolute path instead)";
    }

    private static String firstSet(String first, String second) {
        return first != null && !first.isBlank() ? first
                : second != null && !second.isBlank() ? second : null;
    }

    /**
     * Reads a base URL: {@code http} or {@code https}, with a host, a port from 1 to 65535
     * when it has one, no user information ({@code USER:PASSWORD@}, which the fetcher would
     * not send and which the progress lines and the JSON would show), no query or fragment,
     * and a path that does not end in {@code .zip} (that would be a zip, not the folder of
     * the zips); a missing final slash is added, so that {@code NAME.zip} resolves inside it.
     * The messages quote the text with any user information replaced by {@code ***}.
     *
     * @param text the URL
     * @param source what gave it, for the message
     * @return the URL
     * @throws IllegalArgumentException if it is no such URL
     */
    public static URI parseUrl(String text, String source) {
        Objects.requireNonNull(text, "text");
        String shown = withoutUserInfo(text);
        URI url;
        try {
            url = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(source + ": '" + shown + "' is no URL ("
                    + e.getReason() + ")", e);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException(source + ": '" + shown + "' is no http or https"
                    + " URL with a host" + (url.getRawAuthority() != null
                    && url.getRawAuthority().matches(".*:(-[0-9]+|[0-9]{6,})")
                    ? " and a port from 1 to 65535" : "") + ", such as " + DEFAULT_URL);
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(source + ": '" + shown + "' holds a user name"
                    + " or password before the host, which the fetcher does not send; give the"
                    + " URL without it");
        }
        if (url.getPort() == 0 || url.getPort() > 65535) {
            throw new IllegalArgumentException(source + ": '" + shown + "' has the port "
                    + url.getPort() + "; a port is from 1 to 65535");
        }
        if (url.getQuery() != null || url.getFragment() != null) {
            throw new IllegalArgumentException(source + ": '" + shown + "' has a query or"
                    + " fragment; give the folder that holds the NAME.zip files");
        }
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/"
                : url.getRawPath();
        if (path.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            throw new IllegalArgumentException(source + ": '" + shown + "' names a zip file;"
                    + " give the folder that holds the NAME.zip files, such as "
                    + url.resolve(".") + " (the fetcher adds NAME.zip)");
        }
        return url.resolve(path.endsWith("/") ? path : path + "/");
    }

    /**
     * Returns the text of a URL with the user information of its authority (the part before
     * an {@code @} that precedes the host) replaced by {@code ***}, so that a message does not
     * show a password.
     */
    static String withoutUserInfo(String text) {
        return USER_INFO.matcher(text).replaceFirst("$1***@");
    }

    /**
     * Returns a copy that downloads from another base URL.
     *
     * @param url the folder of the {@code NAME.zip} files, http or https
     * @return the copy
     * @throws IllegalArgumentException as {@link #parseUrl}
     */
    public TuDatasetFetcher withBaseUrl(URI url) {
        Objects.requireNonNull(url, "url");
        return withBaseUrl(url, null);
    }

    /**
     * Returns a copy that downloads from another base URL and names what gave it in the
     * advice of a failed download ({@code check the network (or the mirror given by
     * --url)}).
     *
     * @param url the folder of the {@code NAME.zip} files, http or https
     * @param source what gave the URL, such as {@code --url}; null to suggest setting
     *     {@value #URL_VARIABLE} instead
     * @return the copy
     * @throws IllegalArgumentException as {@link #parseUrl}
     */
    public TuDatasetFetcher withBaseUrl(URI url, String source) {
        Objects.requireNonNull(url, "url");
        return new TuDatasetFetcher(parseUrl(url.toString(), "base URL"), cache,
                connectTimeout, stallTimeout, maxBytes, maxEntries, listener, source,
                cacheOption, cacheProblem);
    }

    /**
     * Returns a copy whose advice on an unusable cache folder names a command-line option
     * beside {@value #CACHE_VARIABLE} ({@code choose another with --cache or ...}); without
     * one it names the variable alone.
     *
     * @param option the option, such as {@code --cache}, or null for none
     * @return the copy
     */
    public TuDatasetFetcher withCacheOption(String option) {
        return new TuDatasetFetcher(baseUrl, cache, connectTimeout, stallTimeout, maxBytes,
                maxEntries, listener, urlSource, option, cacheProblem);
    }

    /**
     * Returns a copy that keeps its data sets in another folder (created when needed).
     *
     * @param folder the folder that holds the data-set folders
     * @return the copy
     */
    public TuDatasetFetcher withCache(Path folder) {
        return new TuDatasetFetcher(baseUrl, Objects.requireNonNull(folder, "folder"),
                connectTimeout, stallTimeout, maxBytes, maxEntries, listener, urlSource,
                cacheOption, null);
    }

    /**
     * Returns a copy with other limits, which a zip bomb or a wrong file runs into: the
     * download and the uncompressed files together may have at most {@code bytes} bytes each,
     * and the zip at most {@code entries} entries.
     *
     * @param bytes the most bytes, positive
     * @param entries the most entries, positive
     * @return the copy
     * @throws IllegalArgumentException if a limit is not positive
     */
    public TuDatasetFetcher withLimits(long bytes, int entries) {
        if (bytes < 1 || entries < 1) {
            throw new IllegalArgumentException("limits must be positive, got " + bytes
                    + " bytes and " + entries + " entries");
        }
        return new TuDatasetFetcher(baseUrl, cache, connectTimeout, stallTimeout, bytes,
                entries, listener, urlSource, cacheOption, cacheProblem);
    }

    /**
     * Returns a copy with other timeouts.
     *
     * @param connect the longest wait to connect and for the response's headers, positive
     * @param stall the longest wait for more bytes of the body, positive
     * @return the copy
     * @throws IllegalArgumentException if a timeout is not positive
     */
    public TuDatasetFetcher withTimeouts(Duration connect, Duration stall) {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(stall, "stall");
        if (connect.isNegative() || connect.isZero() || stall.isNegative() || stall.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive, got " + connect
                    + " and " + stall);
        }
        return new TuDatasetFetcher(baseUrl, cache, connect, stall, maxBytes, maxEntries,
                listener, urlSource, cacheOption, cacheProblem);
    }

    /**
     * Returns a copy that reports downloads to a listener.
     *
     * @param listener the listener, or null for none
     * @return the copy
     */
    public TuDatasetFetcher withListener(Listener listener) {
        return new TuDatasetFetcher(baseUrl, cache, connectTimeout, stallTimeout, maxBytes,
                maxEntries, listener, urlSource, cacheOption, cacheProblem);
    }

    /**
     * Returns what gave the base URL ({@code --url}, or the variable or property), or null
     * for the default URL.
     *
     * @return the source, or null
     */
    public String urlSource() {
        return urlSource;
    }

    /**
     * Returns the base URL.
     *
     * @return the base URL
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Returns the cache folder, which holds the data-set folders.
     *
     * @return the cache folder, which holds the data-set folders
     * @throws IllegalArgumentException if the cache comes from a setting that is unusable
     *     (a relative path, {@link #configured}), naming the setting; {@link #withCache}
     *     replaces it
     */
    public Path cache() {
        if (cacheProblem != null) {
            throw new IllegalArgumentException(cacheProblem);
        }
        return cache;
    }

    /**
     * Returns the URL of a data set's zip: the base URL with {@code NAME.zip}.
     *
     * @param name the data set
     * @return the URL
     * @throws IllegalArgumentException if the name is refused ({@link #requireValidName})
     */
    public URI url(String name) {
        Objects.requireNonNull(name, "name");
        return baseUrl.resolve(requireValidName(name) + ".zip");
    }

    /**
     * Returns the folder a data set has in the cache, whether or not it is there.
     *
     * @param name the data set
     * @return {@code CACHE/NAME}
     * @throws IllegalArgumentException if the name is refused ({@link #requireValidName}),
     *     or the cache setting is unusable ({@link #cache()})
     */
    public Path folder(String name) {
        Objects.requireNonNull(name, "name");
        return cache().resolve(requireValidName(name));
    }

    /**
     * Returns the cached folder of a data set without any network access.
     * When the data set is there, the temporary files that a killed fetch of the name left
     * ({@code .NAME.zip.part}, {@code .NAME.part}, and {@code .NAME.old}, a copy moved aside
     * that the folder has replaced) are removed as well, but only when the name's lock can be
     * taken at once: this never waits for a fetch in progress, and a cache that cannot be
     * written, or a removal that fails, leaves them and still gives the folder.
     *
     * @param name the data set
     * @return the folder, when it holds {@code NAME_A.txt} (a fetch puts only data sets that
     *     read without error there); empty otherwise
     * @throws IllegalArgumentException if the name is refused ({@link #requireValidName})
     */
    public Optional<Path> cached(String name) {
        Objects.requireNonNull(name, "name");
        Path folder = folder(name);
        if (!isDataset(folder, name)) {
            return Optional.empty();
        }
        removeLeftoversIfFree(name);
        return Optional.of(folder);
    }

    /** The temporary files of a fetch of the name: the download, the extraction, the old copy. */
    private List<Path> leftovers(String name) {
        return List.of(cache.resolve("." + name + ".zip.part"),
                cache.resolve("." + name + ".part"), cache.resolve("." + name + ".old"));
    }

    /**
     * Removes the leftovers of a killed fetch of a cached data set when the name's lock is
     * free (class description), making the lock folder {@code .locks} first when it is
     * missing (deleted by hand: the lock file is safe to delete when no fetch runs); does
     * nothing when there are none, when the lock is held by a thread of this process or by
     * another process, or when the cache cannot be written. Never throws an
     * {@link IOException}.
     */
    private void removeLeftoversIfFree(String name) {
        if (leftovers(name).stream().noneMatch(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS))) {
            return;
        }
        Path lockFile = cache.resolve(".locks").resolve(name + ".lock");
        ReentrantLock local;
        try {
            // A lock folder deleted by hand is made again, as a fetch would make it.
            Files.createDirectories(lockFile.getParent());
            if (Files.exists(lockFile) && !Files.isRegularFile(lockFile)) {
                return;
            }
            local = LOCKS.computeIfAbsent(lockFile.getParent().toRealPath().resolve(
                    name + ".lock"), p -> new ReentrantLock());
        } catch (IOException e) {
            return;
        }
        if (!local.tryLock()) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            if (lock != null && isDataset(folder(name), name)) {
                removeLeftovers(name);
            }
        } catch (IOException | RuntimeException e) {
            // Best effort: a cache whose lock file cannot be opened keeps the leftovers.
        } finally {
            local.unlock();
        }
    }

    /**
     * Removes the leftovers of the name, as far as it can, when the data set is cached; the
     * caller holds the lock. A leftover that cannot be removed stays, without an error. When
     * {@code CACHE/NAME} is a symbolic link nothing is removed: the user made it, and it may
     * lead into a leftover (a link {@code NAME} to {@code .NAME.old} once lost the data set
     * it pointed to).
     */
    private void removeLeftovers(String name) {
        if (Files.isSymbolicLink(folder(name))) {
            return;
        }
        for (Path leftover : leftovers(name)) {
            try {
                deleteTree(leftover);
            } catch (IOException e) {
                // Best effort: the next fetch of the name tries again.
            }
        }
    }

    /**
     * Refuses a name that is not one of a data set: it must be 1 to {@value #MAX_NAME_LENGTH}
     * ASCII letters, digits, {@code -}, {@code _} and {@code .}, not start with a dot or a
     * {@code -}, not hold {@code ..}, and not end with {@code .zip} (the fetcher adds it).
     * The message of a name given with the prefix {@code tu:} or the suffix {@code .zip}
     * says to leave it out.
     *
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException if it is refused, quoting it
     */
    public static String requireValidName(String name) {
        Objects.requireNonNull(name, "name");
        if (name != null && name.regionMatches(true, 0, "tu:", 0, 3)) {
            throw new IllegalArgumentException("'" + name + "' is no TU data set name: give"
                    + " the name without tu:, such as " + name.substring(3));
        }
        if (name != null && name.length() > 4
                && name.regionMatches(true, name.length() - 4, ".zip", 0, 4)) {
            throw new IllegalArgumentException("'" + name + "' is no TU data set name: give"
                    + " the name without .zip, such as " + name.substring(0, name.length() - 4)
                    + " (the fetcher downloads NAME.zip)");
        }
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("'" + name.substring(0, 20) + "...' ("
                    + name.length() + " characters) is no TU data set name: a name has at"
                    + " most " + MAX_NAME_LENGTH + " characters");
        }
        if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("'" + name + "' is no TU data set name: expected"
                    + " ASCII letters, digits, '-', '_' and '.' ('.' and '-' not first, and no"
                    + " '..'), such as MUTAG or IMDB-BINARY");
        }
        return name;
    }

    /**
     * Returns the cached folder of a data set, downloading it first when it is not cached.
     *
     * @param name the data set, such as {@code MUTAG}
     * @return {@code CACHE/NAME}, a TU folder that {@link TuDatasetReader} reads
     * @throws IllegalArgumentException if the name is refused ({@link #requireValidName})
     * @throws IOException with a one-line message naming the URL when the download fails
     *     (no connection, an HTTP error such as 404: {@code "no TU data set named NAME at
     *     URL"}), the zip is refused, or the data set does not read; the cache is then as
     *     before
     */
    public Path fetch(String name) throws IOException {
        Objects.requireNonNull(name, "name");
        return fetch(name, false);
    }

    /**
     * Returns the cached folder of a data set, downloading it first when it is not cached or
     * when {@code again} is set (the new copy then replaces the old one once it has read
     * without error).
     *
     * @param name the data set
     * @param again whether to download even when the data set is cached
     * @return {@code CACHE/NAME}
     * @throws IllegalArgumentException if the name is refused ({@link #requireValidName})
     * @throws IOException as {@link #fetch(String)}; also when {@code CACHE/NAME} exists but
     *     holds no data set of that name, which is never replaced
     */
    public Path fetch(String name, boolean again) throws IOException {
        Objects.requireNonNull(name, "name");
        Path target = folder(name);
        if (!again && isDataset(target, name)) {
            removeLeftoversIfFree(name);
            return target;
        }
        makeFolder(cache);
        Path locks = cache.resolve(".locks");
        if (Files.exists(locks) && !Files.isDirectory(locks)) {
            throw lockFolderIsAFile(locks);
        }
        makeFolder(locks);
        Path lockFile = locks.resolve(name + ".lock");
        ReentrantLock local = LOCKS.computeIfAbsent(lockFile.getParent().toRealPath().resolve(
                name + ".lock"), p -> new ReentrantLock());
        boolean told = false;
        try {
            if (!local.tryLock()) {
                told = tellWaiting(name, lockFile);
                local.lockInterruptibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for another fetch of "
                    + name);
        }
        FileChannel channel;
        if (Files.exists(lockFile) && !Files.isRegularFile(lockFile)
                && !Files.isDirectory(lockFile)) {
            // Opening a named pipe to write would wait for a reader.
            local.unlock();
            throw new IOException(lockFile + " is not a regular file (such as a named pipe or"
                    + " a device), which the fetcher does not open as its lock file; remove"
                    + " it");
        }
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
        } catch (FileSystemException e) {
            local.unlock();
            throw unwritable(e);
        } catch (IOException | RuntimeException e) {
            local.unlock();
            throw e;
        }
        try (channel; FileLock lock = lockWaiting(channel, name, lockFile, told)) {
            restoreAside(name, target);
            // Another thread or process may have fetched it while this one waited.
            if (!again && isDataset(target, name)) {
                removeLeftovers(name);
                return target;
            }
            if (Files.isSymbolicLink(target) && (again || !isDataset(target, name))) {
                throw new IOException(target + " is a symbolic link" + (isDataset(target, name)
                        ? ", which a fetch does not replace"
                        : " to no TU data set " + name + " (no " + name + "_A.txt)")
                        + "; remove the link, or choose another cache folder");
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                    && !isDataset(target, name)) {
                throw new IOException(target + " exists but holds no TU data set " + name
                        + " (no " + name + "_A.txt); move it away, or choose another cache"
                        + " folder");
            }
            return download(name, target);
        } finally {
            local.unlock();
        }
    }

    /** Takes the file lock, telling the listener first when it must wait for it. */
    private FileLock lockWaiting(FileChannel channel, String name, Path lockFile, boolean told)
            throws IOException {
        FileLock lock = channel.tryLock();
        if (lock != null) {
            return lock;
        }
        if (!told) {
            tellWaiting(name, lockFile);
        }
        return channel.lock();
    }

    private boolean tellWaiting(String name, Path lockFile) {
        if (listener != null) {
            listener.waiting(name, lockFile);
        }
        return true;
    }

    /**
     * The error of a cache folder this process cannot write: the path it could not create or
     * open for writing and why, {@code (permission denied on PATH)} or
     * {@code (PATH: read-only file system)} and so on with the system's reason, and the advice
     * to choose another cache. Package-private for the tests, which cannot mount a read-only
     * file system and, run as root, are not denied permission.
     *
     * @param e what the file system refused
     * @return the error, with {@code e} as its cause
     */
    IOException unwritable(FileSystemException e) {
        String file = e.getFile() == null ? cache.toString() : e.getFile();
        String why;
        if (e instanceof AccessDeniedException) {
            why = "permission denied on " + file;
        } else {
            String reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
            boolean capital = reason.length() > 1 && Character.isUpperCase(reason.charAt(0))
                    && Character.isLowerCase(reason.charAt(1));
            why = file + ": " + (capital ? reason.substring(0, 1).toLowerCase(Locale.ROOT)
                    + reason.substring(1) : reason);
        }
        return new IOException("cannot write the cache folder " + cache + " (" + why
                + "); choose another with " + cacheChoice(), e);
    }

    /**
     * Creates a folder of the cache (the cache itself or its lock folder) with the folders
     * above it, failing with the words of the cache's errors: a file in the way
     * ({@link #notAFolder}), a folder that cannot be written ({@link #unwritable}).
     */
    private void makeFolder(Path folder) throws IOException {
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            throw notAFolder(e.getFile(), e);
        } catch (FileSystemException e) {
            Optional<Path> file = fileOnTheWay(e);
            throw file.isPresent() ? notAFolder(file.get().toString(), e) : unwritable(e);
        } catch (IOException e) {
            throw new IOException("cannot create the cache folder " + cache + ": "
                    + describe(e), e);
        }
    }

    /**
     * The error of a cache whose lock folder {@code .locks} is a file (or another thing than a
     * folder): the cache folder itself is fine, so the error names the lock folder and says
     * that it may go (a fetch makes the folder again).
     */
    private IOException lockFolderIsAFile(Path locks) {
        return new IOException("cannot create the lock folder " + locks + " in the cache " + cache
                + ": it is a file, not a folder; remove it (a fetch makes the folder again)"
                + " or choose another cache with " + cacheChoice());
    }

    /** The error of a cache folder that cannot be created as a file is in the way. */
    private IOException notAFolder(String file, IOException e) {
        return new IOException("cannot create the cache folder " + cache + ": " + file
                + " is a file, not a folder; choose another with " + cacheChoice(),
                e);
    }

    /**
     * The file that made the creation of a folder fail, when a step of the folder's path is
     * a file rather than a folder (the system's "Not a directory"): the first step of the
     * refused path that exists and is no folder.
     */
    private static Optional<Path> fileOnTheWay(FileSystemException e) {
        if (e.getFile() == null) {
            return Optional.empty();
        }
        Path path = Path.of(e.getFile());
        Path root = path.getRoot();
        for (int k = 1; k <= path.getNameCount(); k++) {
            Path step = root == null ? path.subpath(0, k) : root.resolve(path.subpath(0, k));
            if (Files.exists(step) && !Files.isDirectory(step)) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    /**
     * Moves back the copy that a replacement moved aside ({@code .NAME.old}) when the data
     * set's folder is missing: the replacing process was killed between its two renames, and
     * the copy aside is the only one. The caller holds the lock.
     */
    private void restoreAside(String name, Path target) throws IOException {
        Path old = cache.resolve("." + name + ".old");
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                && !Files.isSymbolicLink(old) && isDataset(old, name)) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Downloads, extracts, checks and moves into place; the caller holds the lock. */
    private Path download(String name, Path target) throws IOException {
        Path zip = cache.resolve("." + name + ".zip.part");
        Path extracted = cache.resolve("." + name + ".part");
        Path old = cache.resolve("." + name + ".old");
        URI url = url(name);
        deleteTree(zip);
        deleteTree(extracted);
        deleteTree(old);
        try {
            Files.createFile(zip);
        } catch (FileSystemException e) {
            throw unwritable(e);
        }
        try {
            if (listener != null) {
                listener.started(name, url, target);
            }
            long received = receive(name, url, zip);
            Path data = extract(name, url.toString(), zip, extracted,
                    cutShort(received) + advice(name));
            try {
                TuDatasetReader.read(data);
            } catch (DatasetFormatException e) {
                throw new IOException(url + " holds no valid TU data set " + name + ": "
                        + e.getMessage().replace(extracted.toString(), name + ".zip"), e);
            }
            Files.delete(zip);

            // Into place by one rename; an old copy (a fetch again) is moved aside first and
            // back when the rename fails.
            boolean replacing = isDataset(target, name);
            if (replacing) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(data, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // A program that takes no lock may have put a data set there first: keep it.
                boolean taken = e instanceof FileAlreadyExistsException
                        || e instanceof DirectoryNotEmptyException;
                if (!replacing && taken && isDataset(target, name)) {
                    return target;
                }
                if (replacing) {
                    Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                }
                throw e;
            }
            return target;
        } finally {
            deleteTree(zip);
            deleteTree(extracted);
            deleteTree(old);
        }
    }

    /** Whether the HTTP client refused a port outside 1 to 65535 (only a redirect has one). */
    private static boolean outOfRange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IllegalArgumentException && t.getMessage() != null
                    && t.getMessage().startsWith("port out of range")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Describes a redirect to a port outside 1 to 65535, which the HTTP client refuses
     * without saying where it led: the redirects are followed again by hand, without bodies
     * (at most 10), up to the {@code Location} that names such a port. When they cannot be
     * followed again the same way, the sentence names no target.
     */
    private String badPortRedirect(URI url) {
        String range = "a port is from 1 to 65535";
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .proxy(ProxySelector.getDefault()).build();
            URI at = url;
            for (int hop = 0; hop < 10; hop++) {
                HttpRequest request = HttpRequest.newBuilder(at).timeout(connectTimeout)
                        .header("User-Agent", "orbifold").GET().build();
                HttpResponse<Void> response = client.send(request,
                        HttpResponse.BodyHandlers.discarding());
                Optional<String> location = response.headers().firstValue("Location");
                if (response.statusCode() < 300 || response.statusCode() >= 400
                        || location.isEmpty()) {
                    break;
                }
                URI next = at.resolve(location.get().strip());
                if (next.getPort() > 65535 || next.getPort() == 0 || next.getPort() < -1) {
                    return "the server redirects to " + withoutUserInfo(next.toString())
                            + ", whose port " + next.getPort() + " no connection can have ("
                            + range + ")";
                }
                at = next;
            }
        } catch (IOException | RuntimeException e) {
            // Falls back to the sentence without the target.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "the server redirects to a URL whose port no connection can have (" + range
                + ")";
    }

    /**
     * The hint added to "no readable zip file" when a download that began as a zip does not
     * read as one: the transfer gave no sign of being cut, but its end may still be missing
     * (a server that closes the connection early with no Content-Length, or whose
     * Content-Length is too small).
     *
     * @param received the bytes received, with the announced length
     */
    private static String cutShort(long received) {
        return "; the download may have been cut short: " + received + " bytes arrived, and"
                + " a zip keeps its table of contents at its end (a connection closed early"
                + " without a Content-Length to check by, or a Content-Length too small,"
                + " looks like this)";
    }

    /**
     * Writes the body of the zip's URL to a file, checking status, length and limits, and
     * returns the number of bytes received.
     */
    private long receive(String name, URI url, Path zip) throws IOException {
        HttpResponse<InputStream> response;
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .proxy(ProxySelector.getDefault()).build();
            HttpRequest request = HttpRequest.newBuilder(url).timeout(connectTimeout)
                    .header("User-Agent", "orbifold").GET().build();
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while downloading " + url);
        } catch (IOException e) {
            throw new IOException("cannot download " + url + ": " + (outOfRange(e)
                    ? badPortRedirect(url) : describeWait(e)) + advice(name), e);
        } catch (RuntimeException e) {
            // The HTTP layer refuses some requests unchecked (such as a port out of range).
            throw new IOException("cannot download " + url + ": " + (outOfRange(e)
                    ? badPortRedirect(url) : describe(e)) + advice(name), e);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            URI last = response.uri();
            String redirected = last == null || last.equals(url) ? ""
                    : " at " + withoutUserInfo(last.toString()) + ", to which it redirects";
            if (status == 404) {
                throw new IOException("no TU data set named " + name + " at " + url
                        + " (HTTP 404" + redirected + "); check the name's spelling and case,"
                        + " as the collection lists it");
            }
            if (status >= 300 && status < 400
                    && response.headers().firstValue("Location").isPresent()) {
                throw new IOException(url + " redirects without end (too many redirects, the"
                        + " last one HTTP " + status + " to "
                        + response.headers().firstValue("Location").get() + ")" + advice(name));
            }
            if (status != 200) {
                throw new IOException(url + " answered HTTP " + status + (redirected.isEmpty()
                        ? "" : " (" + redirected.substring(1) + ")") + " instead of the zip"
                        + advice(name));
            }
            OptionalLong announced = response.headers().firstValueAsLong("Content-Length");
            long length = announced.isPresent() ? announced.getAsLong() : -1;
            if (length > maxBytes) {
                throw new IOException(url + " announces " + length + " bytes, more than the"
                        + " limit of " + maxBytes + advice(name));
            }
            long read = copy(name, body, zip, url, length);
            if (length >= 0 && read != length) {
                throw new IOException("the download of " + url + " ended after " + read
                        + " of the " + length + " bytes announced" + advice(name));
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            requireNoHtmlPage(url, zip, type, name);
            return read;
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains(url.toString())) {
                throw e;
            }
            throw new IOException("the download of " + url + " failed: " + describe(e)
                    + advice(name), e);
        }
    }

    /**
     * Refuses a download that is an HTML page (such as a login or error page sent with status
     * 200) rather than a zip: one that does not start as a zip does ({@code PK}) and that the
     * server labels {@code text/html} or whose first byte other than white space is '<'.
     */
    private void requireNoHtmlPage(URI url, Path zip, String contentType, String name)
            throws IOException {
        byte[] start = new byte[256];
        int n;
        try (InputStream in = Files.newInputStream(zip)) {
            n = in.readNBytes(start, 0, start.length);
        }
        if (n >= 2 && start[0] == 'P' && start[1] == 'K') {
            return;
        }
        int first = 0;
        while (first < n && Character.isWhitespace(start[first])) {
            first++;
        }
        boolean html = contentType.toLowerCase(Locale.ROOT).startsWith("text/html");
        if (html || first < n && start[first] == '<') {
            throw new IOException(url + " sent an HTML page ("
                    + (html ? "Content-Type " + contentType : "its body starts with '<'")
                    + "), not a zip" + advice(name));
        }
    }

    /**
     * Copies the body to the file on a worker thread while this thread watches: when no byte
     * comes for the stall timeout, or when this thread is interrupted, it closes the body,
     * which ends the worker's read (a read that waits for data does not end on an interrupt
     * of its own thread), waits for the worker to stop, and fails.
     */
    private long copy(String name, InputStream body, Path zip, URI url, long length)
            throws IOException {
        AtomicLong lastData = new AtomicLong(System.nanoTime());
        AtomicLong read = new AtomicLong();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "orbifold-download");
            t.setDaemon(true);
            return t;
        });
        Future<Long> copying = worker.submit(() -> copyBody(body, zip, url, length, lastData,
                read));
        worker.shutdown();
        long period = Math.max(10, Math.min(100, stallTimeout.toMillis() / 4));
        while (true) {
            try {
                return copying.get(period, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (System.nanoTime() - lastData.get() > stallTimeout.toNanos()) {
                    stop(body, copying);
                    throw stopped(url, read.get(), false);
                }
            } catch (InterruptedException e) {
                stop(body, copying);
                Thread.currentThread().interrupt();
                throw stopped(url, read.get(), true);
            } catch (ExecutionException e) {
                boolean cut = length >= 0 && read.get() < length;
                boolean own = e.getCause() instanceof IOException io && io.getMessage() != null
                        && io.getMessage().contains(url.toString());
                if (e.getCause() instanceof IOException io && cut && !own) {
                    throw new IOException("the download of " + url + " ended after " + read.get()
                            + " of the " + length + " bytes announced (" + broken(io) + ")"
                            + advice(name), io);
                }
                if (e.getCause() instanceof IOException io && length < 0 && !own) {
                    throw new IOException("the download of " + url + " broke off after "
                            + read.get() + " bytes, before the end of the body ("
                            + broken(io) + ")" + advice(name), io);
                }
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IOException("the download of " + url + " failed", e.getCause());
            }
        }
    }

    /** Reads the body into the file, counting bytes and reporting progress. */
    private long copyBody(InputStream body, Path zip, URI url, long length, AtomicLong lastData,
            AtomicLong read) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = body.read(buffer)) >= 0) {
                lastData.set(System.nanoTime());
                long total = read.addAndGet(n);
                if (total > maxBytes) {
                    throw new IOException(url + " sends more than the limit of " + maxBytes
                            + " bytes");
                }
                written(out, buffer, n, zip, url);
                if (listener != null) {
                    listener.progress(total, length);
                }
            }
        }
        return read.get();
    }

    /**
     * Writes bytes to a file of the cache, naming the file and the URL (or the zip on disk)
     * it comes from when the write fails
     * (a full disk), so that the failure is not taken for one of the download; package-private
     * for the tests.
     */
    static void written(OutputStream out, byte[] buffer, int n, Path file, Object url)
            throws IOException {
        try {
            out.write(buffer, 0, n);
        } catch (IOException e) {
            String message = e instanceof FileSystemException f && f.getReason() != null
                    ? f.getReason() : e.getMessage() != null ? e.getMessage()
                    : e.getClass().getSimpleName();
            throw new IOException("cannot write " + file + " (from " + url + "): " + message,
                    e);
        }
    }

    /** Closes the body and waits, without giving in to interrupts, until the copy ends. */
    private static void stop(InputStream body, Future<Long> copying) {
        boolean interrupted = Thread.interrupted();
        try {
            body.close();
        } catch (IOException e) {
            interrupted |= Thread.interrupted();
        }
        while (true) {
            try {
                copying.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private IOException stopped(URI url, long read, boolean interrupted) {
        if (interrupted) {
            return new InterruptedIOException("interrupted while downloading " + url
                    + " (after " + read + " bytes)");
        }
        return new HttpTimeoutException("the download of " + url + " received no data for "
                + shown(stallTimeout) + " (after " + read + " bytes)");
    }

    /**
     * Describes a failed request as {@link #describe} does, saying how long it waited when a
     * timeout ended it: no connection, or no response headers, within the connect timeout
     * (which {@link #withTimeouts} sets for both).
     */
    private String describeWait(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return "no connection within " + shown(connectTimeout)
                        + " (offline, or a firewall)";
            }
            if (t instanceof HttpTimeoutException) {
                return "received no response headers within " + shown(connectTimeout)
                        + " (the server accepted the request but did not answer)";
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return describe(e);
    }

    /** A duration in whole seconds ("30 s") when it is one, else in milliseconds. */
    private static String shown(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /**
     * Reads a TU data set from a zip on disk, packed as the collection packs its downloads
     * ({@code NAME/NAME_A.txt} and so on, or the files at the zip's root): the zip is
     * extracted into a temporary folder with the checks and the default limits of a fetch
     * (class description), which keeps only the data set's own files, read by
     * {@link TuDatasetReader}, and the folder is removed, also when the process is stopped
     * by a signal that runs the shutdown hooks, such as Ctrl-C ({@link ScratchFolders}). The
     * data set is {@code NAME} when the zip is named {@code NAME.zip} and holds
     * {@code NAME_A.txt}, else the one data set whose {@code X_A.txt} the zip holds in either
     * place.
     *
     * @param zip a zip file
     * @return the data set, with a note that it was read from the zip
     * @throws DatasetFormatException if the zip holds no data set or several, or the data set
     *     breaks the format (the message names the zip and the file inside it)
     * @throws IOException if the zip is refused or cannot be read
     */
    static GraphDataset readZip(Path zip) throws IOException {
        String name = zipDatasetName(zip);
        Path temp = ScratchFolders.create("orbifold-tu-");
        try {
            TuDatasetFetcher fetcher = new TuDatasetFetcher(DEFAULT_URL, temp,
                    Duration.ofSeconds(30), Duration.ofSeconds(60), DEFAULT_MAX_BYTES,
                    DEFAULT_MAX_ENTRIES, null, null, null, null);
            Path extracted = temp.resolve(name);
            Path data = fetcher.extract(name, zip.toString(), zip, extracted, "");
            try {
                GraphDataset d = TuDatasetReader.read(data);
                return d.withNotes(List.of("read from the zip " + zip.getFileName()
                        + " (extracted into a temporary folder, then removed)"));
            } catch (DatasetFormatException e) {
                throw new DatasetFormatException(zip, "in the zip: " + e.getMessage()
                        .replace(extracted + extracted.getFileSystem().getSeparator(), ""));
            }
        } finally {
            ScratchFolders.delete(temp);
        }
    }

    /**
     * The data set of a zip on disk: the zip's stem when it holds {@code STEM_A.txt} at its
     * root or in {@code STEM/}, else the prefix of the only {@code X_A.txt} in either place.
     */
    private static String zipDatasetName(Path zip) throws IOException {
        String file = zip.getFileName().toString();
        String stem = file.toLowerCase(Locale.ROOT).endsWith(".zip")
                ? file.substring(0, file.length() - 4) : file;
        List<String> found = new ArrayList<>();
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = zipFile.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String[] steps = entry.getName().split("/");
                String last = steps[steps.length - 1];
                if (entry.isDirectory() || !last.endsWith("_A.txt") || last.length() < 7) {
                    continue;
                }
                String prefix = last.substring(0, last.length() - "_A.txt".length());
                if (steps.length == 1 || steps.length == 2 && steps[0].equals(prefix)) {
                    found.add(prefix);
                }
            }
        } catch (ZipException e) {
            throw new DatasetFormatException(zip, "ends in .zip but is no readable zip file ("
                    + e.getMessage() + ")");
        }
        if (found.contains(stem)) {
            return stem;
        }
        List<String> names = found.stream().distinct().sorted().toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        throw new DatasetFormatException(zip, names.isEmpty()
                ? "a zip holding no TU data set (no NAME_A.txt at its root or in a folder"
                + " NAME/); expected a zip of the TU collection, such as MUTAG.zip, or unzip"
                + " it and give the data set inside"
                : "a zip holding several TU data sets (" + String.join(", ", names) + ");"
                + " unzip it and give one of their folders");
    }

    /**
     * Extracts the zip's regular files into a new folder and returns the folder that holds
     * {@code NAME_A.txt}: {@code NAME/} or the root. The messages name the zip by
     * {@code url}: the URL of a download, the path of a zip on disk. {@code cutHint} is
     * added to the refusal of a file that starts as a zip but does not read as one (a
     * download whose end is missing), empty for none.
     */
    private Path extract(String name, String url, Path zip, Path extracted, String cutHint)
            throws IOException {
        Map<String, Integer> modes = ZipModes.read(zip);
        Files.createDirectory(extracted);
        long total = 0;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            if (file.size() > maxEntries) {
                throw refused(url, "it has " + file.size() + " entries, more than the limit of "
                        + maxEntries);
            }
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String entryName = entry.getName();
                Path path = entryPath(url, extracted, entryName);
                Integer mode = modes.get(entryName);
                if (mode != null && (mode & TYPE_MASK) == TYPE_LINK) {
                    throw refused(url, "entry '" + entryName + "' is a symbolic link");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                CRC32 crc = new CRC32();
                try (InputStream in = file.getInputStream(entry);
                        OutputStream out = Files.newOutputStream(path,
                                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    byte[] buffer = new byte[1 << 16];
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        total += n;
                        if (total > maxBytes) {
                            throw refused(url, "its files hold more than the limit of "
                                    + maxBytes + " bytes uncompressed (reached in entry '"
                                    + entryName + "')");
                        }
                        crc.update(buffer, 0, n);
                        written(out, buffer, n, path, url);
                    }
                } catch (FileAlreadyExistsException e) {
                    throw refused(url, "entry '" + entryName + "' appears twice");
                }
                // ZipFile checks no CRC-32 of a stored entry, nor always of a deflated one.
                if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
                    throw new IOException("corrupt zip: entry '" + entryName + "' of " + url
                            + " fails its CRC-32 check");
                }
            }
        } catch (ZipException e) {
            throw refused(url, "it is no readable zip file (" + e.getMessage() + ")"
                    + (startsAsZip(zip) ? cutHint : ""));
        }

        // The data set: in NAME/, as the collection packs it, or at the root; only its own
        // files are kept.
        for (Path folder : List.of(extracted.resolve(name), extracted)) {
            if (Files.isRegularFile(folder.resolve(name + "_A.txt"),
                    LinkOption.NOFOLLOW_LINKS)) {
                keepOnlyDatasetFiles(folder, name);
                return folder;
            }
        }
        List<String> found = new ArrayList<>();
        try (var files = Files.walk(extracted)) {
            files.filter(Files::isRegularFile).map(p -> extracted.relativize(p).toString())
                    .sorted().limit(6).forEach(found::add);
        }
        throw refused(url, "it holds no " + name + "_A.txt, neither in " + name
                + "/ nor at its root (it holds " + (found.isEmpty() ? "no file"
                : String.join(", ", found.subList(0, Math.min(5, found.size())))
                + (found.size() > 5 ? ", ..." : "")) + ")");
    }

    /** Whether a file starts with a zip's local file header ({@code PK} 3 4). */
    private static boolean startsAsZip(Path zip) throws IOException {
        byte[] start = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(zip)) {
            n = in.readNBytes(start, 0, 4);
        }
        return n == 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4;
    }

    /**
     * Deletes from the data set's folder all but its own files: the regular files
     * {@code NAME_*.txt} and those whose name starts with {@code README} (any case).
     */
    private static void keepOnlyDatasetFiles(Path folder, String name) throws IOException {
        List<Path> others = new ArrayList<>();
        try (var files = Files.list(folder)) {
            files.filter(p -> !isDatasetFile(p, name)).forEach(others::add);
        }
        for (Path other : others) {
            deleteTree(other);
        }
    }

    private static boolean isDatasetFile(Path file, String name) {
        String fileName = file.getFileName().toString();
        boolean own = fileName.startsWith(name + "_") && fileName.endsWith(".txt")
                || fileName.toUpperCase(Locale.ROOT).startsWith("README");
        return own && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }

    /** Resolves an entry's name inside the folder, refusing names that would leave it. */
    private static Path entryPath(String url, Path folder, String entryName)
            throws IOException {
        boolean bad = entryName.isEmpty() || entryName.startsWith("/")
                || entryName.indexOf('\\') >= 0 || entryName.indexOf(':') >= 0;
        for (String step : entryName.split("/")) {
            bad |= step.equals("..");
        }
        Path path;
        try {
            path = folder.resolve(entryName).normalize();
        } catch (InvalidPathException e) {
            throw refused(url, "entry '" + entryName + "' is no usable file name");
        }
        if (bad || !path.startsWith(folder) || path.equals(folder)) {
            throw refused(url, "entry '" + entryName + "' would be written outside its folder"
                    + " (an absolute path, a '..' step, a drive or a backslash)");
        }
        return path;
    }

    private static IOException refused(Object url, String why) {
        return new IOException("refused " + url + ": " + why);
    }

    /** The settings that choose the cache folder, as the advice names them. */
    private String cacheChoice() {
        return cacheOption == null ? CACHE_VARIABLE : cacheOption + " or " + CACHE_VARIABLE;
    }

    /** What to do when the download fails. */
    private String advice(String name) {
        return "; check the network (or " + (urlSource == null ? "set " + URL_VARIABLE
                + " to a mirror" : "the mirror given by " + urlSource) + "), or download "
                + name + ".zip by hand, unzip it and pass its folder " + name + " as DATASET";
    }

    /**
     * Returns whether a folder is a data set in the cache: a folder, or a symbolic link to
     * one, that holds {@code NAME_A.txt}.
     *
     * @param folder the folder, such as {@code CACHE/NAME}
     * @param name the data set
     * @return whether it is there
     */
    public static boolean isCachedDataset(Path folder, String name) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(name, "name");
        return isDataset(folder, name);
    }

    /**
     * Whether a folder, or a link to one (a cache arranged by hand), holds the adjacency
     * file of the named data set.
     */
    private static boolean isDataset(Path folder, String name) {
        return Files.isDirectory(folder)
                && Files.isRegularFile(folder.resolve(name + "_A.txt"));
    }

    /**
     * Describes why the reading of a body failed: a connection closed before the end, in
     * words, or else as {@link #describe}.
     */
    private static String broken(IOException e) {
        Throwable shown = unwrapped(e);
        if (shown instanceof EOFException || "closed".equals(shown.getMessage())) {
            return "the server closed the connection";
        }
        return describe(e);
    }

    /**
     * The innermost of a chain of exceptions that each only repeat their cause (a message
     * that is the cause's {@code toString}, as the HTTP client wraps its errors).
     */
    private static Throwable unwrapped(Throwable e) {
        Throwable shown = e;
        while (shown.getCause() != null && shown.getCause() != shown
                && shown.getMessage() != null
                && shown.getMessage().equals(shown.getCause().toString())) {
            shown = shown.getCause();
        }
        return shown;
    }

    /** Describes a failure to connect or read in words, with its cause. */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException
                    || t instanceof UnknownHostException) {
                return "the host name does not resolve (offline, or no DNS)";
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "no connection within the timeout (offline, or a firewall)";
            }
            if (t instanceof HttpTimeoutException) {
                return t.getMessage() == null ? "timed out" : t.getMessage();
            }
            if (t instanceof ConnectException) {
                return "the connection was refused or failed (offline, or the server is down)";
            }
            if ("Invalid redirection".equals(t.getMessage())) {
                return "the server answered with a redirect that says nowhere to go (an HTTP 3xx"
                        + " status without a Location header)";
            }
            if (t.getCause() == t) {
                break;
            }
        }
        Throwable shown = unwrapped(e);
        String message = shown.getMessage();
        return shown.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Deletes a file or a folder with its contents, not following links; absent is fine. */
    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                    throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path folder, IOException e)
                    throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(folder);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
