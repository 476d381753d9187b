package io.lossreview.scheduler.calls.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Restores the even spread after owner conflicts and exchanges. Greedy placement by least load is
 * already even, except when an owner conflict forced calls onto someone: then an executive can hold
 * 2+ calls more than a colleague with spare capacity who could have taken one of them.
 *
 * <p>Repeats until no such pair exists: take the most-loaded executive A; over every executive B with
 * spare capacity and load(A) - load(B) &ge; 2 and every call of A that B may take (not B's own account),
 * move the call that loses the least match, then to the least-loaded B, then the lowest-priority call,
 * then the lowest B id. Each move lowers the sum of squared loads by at least 2, so it terminates.
 * At the end: for all A, B where B has spare capacity and may take one of A's calls, load(A) - load(B) &le; 1.
 */
final class LoadBalancer {

    private record Move(Candidate call, int from, int to, int matchGain, int receiverLoad) {
    }

    private LoadBalancer() {
    }

    static void balance(Roster roster) {
        for (Move move = nextMove(roster); move != null; move = nextMove(roster)) {
            roster.move(move.call(), move.from(), move.to());
        }
    }

    private static Move nextMove(Roster roster) {
        List<Integer> byLoad = new ArrayList<>();
        for (int i = 0; i < roster.size(); i++) {
            byLoad.add(i);
        }
        byLoad.sort(Comparator.comparingInt((Integer i) -> -roster.load(i)).thenComparingInt(i -> i));
        for (int from : byLoad) {
            Move best = bestMoveFrom(roster, from);
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    private static Move bestMoveFrom(Roster roster, int from) {
        Move best = null;
        Fit giver = roster.fit(from);
        for (int to = 0; to < roster.size(); to++) {
            if (roster.load(from) - roster.load(to) < 2 || !roster.hasSpare(to)) {
                continue;
            }
            Fit receiver = roster.fit(to);
            for (Candidate call : roster.calls(from)) {
                if (receiver.owns(call)) {
                    continue;
                }
                Move move = new Move(call, from, to, receiver.match(call) - giver.match(call),
                        roster.load(to));
                if (best == null || better(move, best)) {
                    best = move;
                }
            }
        }
        return best;
    }

    private static boolean better(Move a, Move b) {
        if (a.matchGain() != b.matchGain()) {
            return a.matchGain() > b.matchGain();
        }
        if (a.receiverLoad() != b.receiverLoad()) {
            return a.receiverLoad() < b.receiverLoad();
        }
        int priority = Priority.ORDER.compare(a.call(), b.call());
        if (priority != 0) {
            return priority > 0;
        }
        return a.to() < b.to();
    }
}
