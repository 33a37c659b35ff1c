package io.sideline.peer.tests;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.sideline.peer.MatchClient;
import io.sideline.peer.PendingReport;
import io.sideline.peer.Timeline;
import io.sideline.protocol.ErrorMessage;
import io.sideline.protocol.Setup;

/** A {@link MatchClient.Listener} that records every callback, and on which thread it came. */
final class Recorder implements MatchClient.Listener {

    record StateChange(MatchClient.State state, String reason) {
    }

    final List<StateChange> states = new CopyOnWriteArrayList<>();
    final List<Setup> setups = new CopyOnWriteArrayList<>();
    final List<Timeline.Change> accepted = new CopyOnWriteArrayList<>();
    final List<String> errors = new CopyOnWriteArrayList<>();
    final List<String> errorCodes = new CopyOnWriteArrayList<>();
    final List<String> reportStates = new CopyOnWriteArrayList<>();
    /** names of the threads callbacks came on */
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void stateChanged(MatchClient.State state, String reason) {
        threads.add(Thread.currentThread().getName());
        states.add(new StateChange(state, reason));
    }

    @Override
    public void setupReceived(Setup setup) {
        threads.add(Thread.currentThread().getName());
        setups.add(setup);
    }

    @Override
    public void accepted(Timeline.Change change) {
        threads.add(Thread.currentThread().getName());
        accepted.add(change);
    }

    @Override
    public void reportChanged(PendingReport report) {
        threads.add(Thread.currentThread().getName());
        reportStates.add(report.localId() + " " + report.state());
    }

    @Override
    public void error(ErrorMessage error, String readable) {
        threads.add(Thread.currentThread().getName());
        errorCodes.add(error.code());
        errors.add(readable);
    }

    /** @return the states in order, without their reasons */
    List<MatchClient.State> stateSequence() {
        return states.stream().map(StateChange::state).toList();
    }

    /** @return how many times the client became connected */
    long connections() {
        return states.stream().filter(s -> s.state() == MatchClient.State.CONNECTED).count();
    }
}
