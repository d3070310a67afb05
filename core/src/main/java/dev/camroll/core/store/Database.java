package dev.camroll.core.store;

import dev.camroll.api.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite file of one library, in WAL mode: one writer connection (writes are serialised, as
 * SQLite serialises them anyway) and a small pool of reader connections that never wait for it.
 */
public final class Database implements AutoCloseable {
    private static final int READERS = 4;

    private final Path file;
    /** Null when read-only. */
    private final Connection writer;

    private final boolean readOnly;
    private final List<String> notices;
    private final ReentrantLock writeLock = new ReentrantLock();
    /**
     * Readers are opened when a read finds none idle, up to {@link #READERS}: a command that runs
     * one query opens one (each costs a file open and its pragmas on the command's start).
     */
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);

    private final AtomicInteger readersOpened = new AtomicInteger();
    /** Null when read-only. */
    private final WalCheckpoints checkpoints;

    private volatile boolean closed;

    private Database(Path file, Connection writer, boolean readOnly, List<String> notices) {
        this.file = file;
        this.writer = writer;
        this.readOnly = readOnly;
        this.notices = List.copyOf(notices);
        this.checkpoints = readOnly ? null : new WalCheckpoints(() -> connect(file, false));
    }

    /**
     * Opens (creating when missing) and migrates the index file. A damaged index is moved aside
     * and a new one created ({@link #notices()} says so); in a data folder this process cannot
     * write, the index is opened for reading only and every write fails, naming the folder.
     */
    public static Database open(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        prepareFolder(folder);
        if (!Files.isWritable(folder)) {
            return openReadOnly(file, folder);
        }
        List<String> notices = new ArrayList<>();
        String flaw = DamagedIndex.flaw(file);
        Connection writer = flaw == null ? openUnlessDamaged(file) : null;
        if (writer == null) {
            writer = replaceDamaged(file, flaw == null ? "SQLite cannot read it" : flaw, notices);
        }
        return new Database(file, writer, false, notices);
    }

    /** Messages about what opening did on its own (a damaged index moved aside), for the user. */
    public List<String> notices() {
        return notices;
    }

    /** Whether the index is open for reading only (its data folder cannot be written). */
    public boolean readOnly() {
        return readOnly;
    }

    private static void prepareFolder(Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new DataFolderException(
                    DataFolderProblem.NOT_A_FOLDER,
                    "the data folder " + folder
                            + " is a file, not a folder: move it away or give --data another folder");
        }
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new DataFolderException(
                    DataFolderProblem.READ_ONLY,
                    "cannot create the data folder " + folder + " (" + e.getMessage()
                            + "): make its parent writable or give --data a writable folder",
                    e);
        }
    }

    /** The migrated writer connection, or null when the file turns out to be damaged. */
    private static Connection openUnlessDamaged(Path file) {
        Connection writer;
        try {
            writer = connect(file, false);
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && DamagedIndex.isDamage(sql)) {
                return null;
            }
            throw e;
        }
        try {
            Migrations.migrate(writer);
            return writer;
        } catch (SQLException e) {
            closeQuietly(writer);
            if (DamagedIndex.isDamage(e)) {
                return null;
            }
            if (StoreFailures.diskFull(e, file)) {
                throw new StoreException(ErrorCode.NO_SPACE, StoreFailures.diskFullMessage(file), e);
            }
            throw new StoreException(
                    StoreFailures.codeOf(e), "cannot prepare the index " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(writer);
            throw e;
        }
    }

    /**
     * Moves a damaged index aside and opens a new one, under the write lock so that two processes
     * meeting the same damage move it once (the second finds the new index sound).
     */
    private static Connection replaceDamaged(Path file, String flaw, List<String> notices) {
        try (WriteLock.Held held =
                WriteLock.of(file.toAbsolutePath().getParent()).hold()) {
            if (DamagedIndex.flaw(file) == null) {
                Connection writer = openUnlessDamaged(file);
                if (writer != null) {
                    return writer;
                }
            }
            Path aside;
            try {
                aside = DamagedIndex.moveAside(file);
            } catch (java.io.IOException e) {
                throw new DataFolderException(
                        DataFolderProblem.DAMAGED_INDEX,
                        "the index " + file + " is damaged (" + flaw + ") and cannot be moved aside (" + e.getMessage()
                                + "): move it away by hand, then run camroll scan",
                        e);
            }
            notices.add("the index " + file + " was damaged (" + flaw + "); it was moved to " + aside
                    + " and a new index is built from the folder tree and the trash");
            Connection writer = openUnlessDamaged(file);
            if (writer == null) {
                throw new DataFolderException(
                        DataFolderProblem.DAMAGED_INDEX,
                        "cannot create a new index " + file + " after moving the old aside");
            }
            return writer;
        }
    }

    /** Reads only: no writer connection, no migration, no reconciliation writes. */
    private static Database openReadOnly(Path file, Path folder) {
        if (!Files.isRegularFile(file)) {
            throw new DataFolderException(
                    DataFolderProblem.READ_ONLY,
                    "the data folder " + folder + " cannot be written and holds no index: make it writable"
                            + " or give --data a writable folder");
        }
        Database database = new Database(file, null, true, List.of());
        try {
            database.read(connection -> {
                if (Migrations.pending(connection)) {
                    throw new DataFolderException(
                            DataFolderProblem.READ_ONLY,
                            "the index " + file + " needs an upgrade, which needs its data folder " + folder
                                    + " writable: make it writable and run camroll scan once");
                }
                return null;
            });
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /**
     * A reader of an index in a folder this process cannot write. SQLite needs the WAL's shared
     * memory file; when it is not there and cannot be created, the file is read as immutable (no
     * one can write it through this folder either).
     */
    private static Connection connectReadOnly(Path file) {
        try {
            Connection reader = connect(file, true);
            try (var statement = reader.createStatement()) {
                statement.executeQuery("SELECT 1 FROM sqlite_master LIMIT 1").close();
            }
            return reader;
        } catch (StoreException | SQLException e) {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
            try {
                return config.createConnection(
                        "jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?immutable=1");
            } catch (SQLException again) {
                throw new StoreException(
                        StoreFailures.codeOf(again),
                        "cannot open the index " + file + ": " + again.getMessage(),
                        again);
            }
        }
    }

    /** Whether an index file exists (a query command should not create an empty one). */
    public static boolean exists(Path file) {
        return Files.isRegularFile(file);
    }

    public Path file() {
        return file;
    }

    /** Runs read-only work on a pooled connection; concurrent reads do not wait for each other. */
    public <T> T read(SqlWork<T> work) {
        ensureOpen();
        Connection connection = idleOrNewReader();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException(StoreFailures.codeOf(e), "reading the index failed: " + e.getMessage(), e);
        } finally {
            readers.add(connection);
        }
    }

    private Connection idleOrNewReader() {
        Connection idle = readers.poll();
        if (idle != null) {
            return idle;
        }
        int opened = readersOpened.get();
        while (opened < READERS) {
            if (readersOpened.compareAndSet(opened, opened + 1)) {
                try {
                    return readOnly ? connectReadOnly(file) : connect(file, true);
                } catch (RuntimeException e) {
                    readersOpened.decrementAndGet();
                    throw e;
                }
            }
            opened = readersOpened.get();
        }
        try {
            return readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(ErrorCode.UNAVAILABLE, "interrupted while waiting for the index");
        }
    }

    /**
     * Runs work in one write transaction: all of it is committed, or none. Each transaction takes
     * the next generation of the change journal, which the rows it writes are stamped with.
     */
    public <T> T write(SqlWork<T> work) {
        return write(work, true);
    }

    /**
     * Runs work in one write transaction that takes no generation: for what is not a change of
     * the library (the access log, apps and their tokens), so that it wakes no listener and moves
     * no change token.
     */
    public <T> T writeOutsideJournal(SqlWork<T> work) {
        return write(work, false);
    }

    private <T> T write(SqlWork<T> work, boolean journaled) {
        ensureOpen();
        requireWritable();
        writeLock.lock();
        try {
            begin();
            T result;
            try {
                if (journaled) {
                    try (var bump = writer.createStatement()) {
                        bump.executeUpdate("UPDATE library_state SET generation = generation + 1");
                    }
                }
                result = work.run(writer);
                writer.commit();
                checkpoints.written();
            } catch (SQLException | RuntimeException | Error e) {
                // A failed commit (a full disk) has rolled back already: the rollback and the
                // return to auto-commit then fail too ("no transaction is active"), and must not
                // hide the reason.
                rollbackQuietly();
                endQuietly(e);
                if (e instanceof SQLException sql) {
                    throw writeFailed(sql);
                }
                throw e;
            }
            end();
            return result;
        } catch (SQLException e) {
            throw writeFailed(e);
        } finally {
            writeLock.unlock();
        }
    }

    private void begin() throws SQLException {
        writer.setAutoCommit(false);
    }

    private void end() throws SQLException {
        writer.setAutoCommit(true);
    }

    private void endQuietly(Throwable failure) {
        try {
            writer.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** The failure of a write, saying so in plain words when the disk is full. */
    private StoreException writeFailed(SQLException e) {
        if (StoreFailures.diskFull(e, file)) {
            return new StoreException(ErrorCode.NO_SPACE, StoreFailures.diskFullMessage(file), e);
        }
        return new StoreException(StoreFailures.codeOf(e), "writing the index failed: " + e.getMessage(), e);
    }

    /** Lets SQLite refresh its planner statistics after a large change. */
    public void optimize() {
        write(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("PRAGMA optimize=0x10002");
            }
            return null;
        });
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (checkpoints != null) {
            checkpoints.close();
        }
        writeLock.lock();
        try {
            int opened = readersOpened.getAndSet(READERS);
            for (int i = 0; i < opened; i++) {
                Connection reader = readers.poll(5, java.util.concurrent.TimeUnit.SECONDS);
                if (reader != null) {
                    closeQuietly(reader);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (writer != null) {
                closeQuietly(writer);
            }
            writeLock.unlock();
        }
    }

    /** Fails, naming the folder, when the index is open for reading only. */
    public void requireWritable() {
        if (readOnly) {
            throw new DataFolderException(
                    DataFolderProblem.READ_ONLY,
                    "the data folder " + file.toAbsolutePath().getParent()
                            + " cannot be written: queries work, but changing the library needs write access to it");
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException(ErrorCode.UNAVAILABLE, "the library is closed");
        }
    }

    private void rollbackQuietly() {
        try {
            writer.rollback();
        } catch (SQLException ignored) {
            // The original failure is the one worth reporting.
        }
    }

    private static Connection connect(Path file, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        // Negative: KiB. Pages of the hot indexes stay cached between queries.
        config.setCacheSize(-16_000);
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, String.valueOf(256L << 20));
        if (readOnly) {
            config.setReadOnly(true);
        }
        try {
            Connection connection = createConnection(config, urlOf(file));
            if (!readOnly) {
                try (var statement = connection.createStatement()) {
                    statement.execute("PRAGMA wal_autocheckpoint=" + WalCheckpoints.COMMIT_CHECKPOINT_PAGES);
                } catch (SQLException e) {
                    closeQuietly(connection);
                    throw e;
                }
            }
            return connection;
        } catch (SQLException e) {
            if (StoreFailures.diskFull(e, file)) {
                throw new StoreException(ErrorCode.NO_SPACE, StoreFailures.diskFullMessage(file), e);
            }
            throw new StoreException(
                    StoreFailures.codeOf(e), "cannot open the index " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a connection, trying again for as long as the busy timeout while another process holds
     * the file: switching a new index to WAL needs a moment alone with it, and SQLite answers a
     * second process that opens it at that moment with SQLITE_BUSY at once, without waiting.
     */
    private static Connection createConnection(SQLiteConfig config, String url) throws SQLException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(config.getBusyTimeout());
        long pause = 5;
        while (true) {
            try {
                return config.createConnection(url);
            } catch (SQLException e) {
                if (!isBusy(e) || System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for the index", interrupted);
            }
            pause = Math.min(pause * 2, 100);
        }
    }

    private static boolean isBusy(SQLException e) {
        return e instanceof org.sqlite.SQLiteException sqlite
                && (sqlite.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_BUSY
                        || sqlite.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_LOCKED);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing is best effort; SQLite recovers the WAL on the next open.
        }
    }

    /**
     * The JDBC URL of an index file. A path whose bytes are not UTF-8 loses them in its string, so
     * it goes to SQLite as a percent-encoded file: URI, which SQLite decodes back to the bytes.
     */
    private static String urlOf(Path file) {
        Path absolute = file.toAbsolutePath();
        String plain = absolute.toString();
        return plain.indexOf('\uFFFD') < 0 ? "jdbc:sqlite:" + plain : "jdbc:sqlite:" + absolute.toUri();
    }
}
