package io.sideline.lookup.server.internal.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/** A connection whose {@code close()} gives it back to its pool instead of closing it. */
final class PooledConnection implements InvocationHandler {

    private final Connection target;
    private final ConnectionPool pool;
    private boolean returned;

    private PooledConnection(Connection target, ConnectionPool pool) {
        this.target = target;
        this.pool = pool;
    }

    static Connection wrap(Connection target, ConnectionPool pool) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] { Connection.class }, new PooledConnection(target, pool));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("close") && method.getParameterCount() == 0) {
            if (!returned) {
                returned = true;
                if (!target.getAutoCommit()) {
                    target.rollback();
                    target.setAutoCommit(true);
                }
                pool.giveBack(target);
            }
            return null;
        }
        if (method.getName().equals("isClosed") && method.getParameterCount() == 0 && returned) {
            return true;
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
