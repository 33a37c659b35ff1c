package io.sideline.bench.internal;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Join requests as many clients send them, over a pool of kept-alive connections (Jetty's HTTP client, at most
 * 256 connections): the JDK client the workbench uses opens a connection for every request in flight, and at
 * thousands a second its connection storm, not the server, is what the bench would measure.
 */
final class Joiner implements AutoCloseable {

    private final HttpClient http = new HttpClient();
    private final URI uri;
    private final String bearer;

    Joiner(URI lookup, String matchId, String sessionToken) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("bench-joins");
        threads.setDaemon(true);
        http.setExecutor(threads);
        http.setMaxConnectionsPerDestination(256);
        http.setMaxRequestsQueuedPerDestination(1_000_000);
        http.start();
        this.uri = lookup.resolve("/v1/matches/" + matchId + "/join");
        this.bearer = "Bearer " + sessionToken;
    }

    /** @return completes when the server answered 200 with a join ticket, fails otherwise */
    CompletableFuture<Void> join() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        http.newRequest(uri).method(HttpMethod.POST).headers(h -> h.put(HttpHeader.AUTHORIZATION, bearer))
                .body(new StringRequestContent("application/json", "{}")).send(new BufferingResponseListener() {
                    @Override
                    public void onComplete(Result result) {
                        if (result.isSucceeded() && result.getResponse().getStatus() == 200
                                && getContentAsString().contains("\"token\"")) {
                            done.complete(null);
                        } else {
                            done.completeExceptionally(new IllegalStateException(result.isFailed()
                                    ? String.valueOf(result.getFailure()) : "HTTP " + result.getResponse().getStatus()));
                        }
                    }
                });
        return done;
    }

    @Override
    public void close() throws Exception {
        http.stop();
    }
}
