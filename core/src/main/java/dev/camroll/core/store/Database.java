package dev.camroll.core.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite file of one library, in WAL mode: one writer connection (writes are serialised, as
 * SQLite serialises them anyway) and a small pool of reader connections that never wait for it.
 */
public final class Database implements AutoCloseable {
    private static final int READERS = 4;

    private final Path file;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private volatile boolean closed;

    private Database(Path file, Connection writer) {
        this.file = file;
        this.writer = writer;
    }

    /** Opens (creating when missing) and migrates the index file. */
    public static Database open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the index folder " + file.getParent() + ": " + e.getMessage(), e);
        }
        Connection writer = connect(file, false);
        try {
            Migrations.migrate(writer);
        } catch (SQLException e) {
            closeQuietly(writer);
            if (StoreFailures.diskFull(e, file)) {
                throw new StoreException(StoreFailures.diskFullMessage(file), e);
            }
            throw new StoreException("cannot prepare the index " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(writer);
            throw e;
        }
        Database database = new Database(file, writer);
        for (int i = 0; i < READERS; i++) {
            database.readers.add(connect(file, true));
        }
        return database;
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
        Connection connection;
        try {
            connection = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the index");
        }
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("reading the index failed: " + e.getMessage(), e);
        } finally {
            readers.add(connection);
        }
    }

    /**
     * Runs work in one write transaction: all of it is committed, or none. Each transaction takes
     * the next generation of the change journal, which the rows it writes are stamped with.
     */
    public <T> T write(SqlWork<T> work) {
        ensureOpen();
        writeLock.lock();
        try {
            begin();
            T result;
            try {
                try (var bump = writer.createStatement()) {
                    bump.executeUpdate("UPDATE library_state SET generation = generation + 1");
                }
                result = work.run(writer);
                writer.commit();
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
            return new StoreException(StoreFailures.diskFullMessage(file), e);
        }
        return new StoreException("writing the index failed: " + e.getMessage(), e);
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
        writeLock.lock();
        try {
            for (int i = 0; i < READERS; i++) {
                Connection reader = readers.poll(5, java.util.concurrent.TimeUnit.SECONDS);
                if (reader != null) {
                    closeQuietly(reader);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(writer);
            writeLock.unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the library is closed");
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
            return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            if (StoreFailures.diskFull(e, file)) {
                throw new StoreException(StoreFailures.diskFullMessage(file), e);
            }
            throw new StoreException("cannot open the index " + file + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing is best effort; SQLite recovers the WAL on the next open.
        }
    }
}
