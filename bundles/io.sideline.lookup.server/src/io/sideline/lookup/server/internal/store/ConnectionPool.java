package io.sideline.lookup.server.internal.store;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A small pool of JDBC connections from one driver. OSGi hides drivers from {@code DriverManager}, so the
 * store hands the pool its driver directly.
 */
final class ConnectionPool implements AutoCloseable {

    private final Driver driver;
    private final String url;
    private final Properties properties;
    private final BlockingQueue<Connection> idle;
    private final Semaphore permits;
    private final int size;
    private volatile boolean closed;

    ConnectionPool(Driver driver, String url, Properties properties, int size) {
        this.driver = driver;
        this.url = url;
        this.properties = properties;
        this.idle = new ArrayBlockingQueue<>(size);
        this.permits = new Semaphore(size, true);
        this.size = size;
    }

    /** Work on a connection that may close the database. */
    @FunctionalInterface
    interface Exclusive {
        void run(Connection c) throws SQLException;
    }

    /**
     * Runs work on a connection of its own while no other connection is lent (borrowers wait), with every
     * idle connection closed first, so the work may close the database: the next borrower opens it again.
     */
    void exclusively(Exclusive work) throws SQLException {
        try {
            if (!permits.tryAcquire(size, 30, TimeUnit.SECONDS)) {
                throw new SQLException("the database connections were not all free within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the database connections", e);
        }
        try {
            Connection c;
            while ((c = idle.poll()) != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing anyway
                }
            }
            if (closed) {
                throw new SQLException("the store is closed");
            }
            try (Connection own = driver.connect(url, properties)) {
                work.run(own);
            }
        } finally {
            permits.release(size);
        }
    }

    /** @return a connection, in auto-commit mode; close it to return it */
    Connection borrow() throws SQLException {
        if (closed) {
            throw new SQLException("the store is closed");
        }
        try {
            if (!permits.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new SQLException("no database connection free after 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a database connection", e);
        }
        try {
            Connection c = idle.poll();
            if (c == null || c.isClosed()) {
                c = driver.connect(url, properties);
                if (c == null) {
                    throw new SQLException("the driver does not accept the URL " + url);
                }
            }
            c.setAutoCommit(true);
            return PooledConnection.wrap(c, this);
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    void giveBack(Connection c) {
        try {
            if (closed || c.isClosed() || !c.getAutoCommit() || !idle.offer(c)) {
                c.close();
            }
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already broken
            }
        } finally {
            permits.release();
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c;
        while ((c = idle.poll()) != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
