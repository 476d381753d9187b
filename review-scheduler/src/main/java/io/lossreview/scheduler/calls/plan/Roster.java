package io.lossreview.scheduler.calls.plan;

import io.lossreview.scheduler.executive.Executive;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The executives who can take calls (active, capacity above zero), sorted by id, with who holds which call.
 * Executives are addressed by their index; a lower index is a lower id, the final tie-break everywhere.
 */
final class Roster {

    private final List<Fit> callers;
    private final int[] load;
    private final List<List<Candidate>> calls = new ArrayList<>();
    private final Map<Candidate, Integer> holder = new IdentityHashMap<>();
    private final int totalCapacity;
    private int assigned;

    private Roster(List<Executive> active) {
        this.callers = new ArrayList<>();
        this.load = new int[active.size()];
        int total = 0;
        for (Executive executive : active) {
            callers.add(Fit.of(executive));
            calls.add(new ArrayList<>());
            total += executive.capacity();
        }
        this.totalCapacity = total;
    }

    /** Rejects duplicate ids: loads are kept per executive, so a doubled roster line would double capacity. */
    static Roster of(List<Executive> roster) {
        Set<String> ids = new HashSet<>();
        List<Executive> callers = new ArrayList<>();
        for (Executive executive : roster) {
            if (!ids.add(executive.id())) {
                throw new IllegalArgumentException("duplicate executive id on the roster: " + executive.id());
            }
            if (executive.active() && executive.capacity() > 0) {
                callers.add(executive);
            }
        }
        callers.sort(Comparator.comparing(Executive::id, Comparator.nullsLast(Comparator.<String>naturalOrder())));
        return new Roster(callers);
    }

    int size() {
        return callers.size();
    }

    Executive executive(int index) {
        return callers.get(index).executive();
    }

    Fit fit(int index) {
        return callers.get(index);
    }

    int load(int index) {
        return load[index];
    }

    boolean hasSpare(int index) {
        return load[index] < callers.get(index).executive().capacity();
    }

    List<Candidate> calls(int index) {
        return Collections.unmodifiableList(calls.get(index));
    }

    int totalCapacity() {
        return totalCapacity;
    }

    boolean full() {
        return assigned >= totalCapacity;
    }

    int holderOf(Candidate candidate) {
        return holder.get(candidate);
    }

    /** Spare capacity and not the customer's own account owner. */
    boolean canTake(int index, Candidate candidate) {
        return hasSpare(index) && !callers.get(index).owns(candidate);
    }

    /**
     * Gives the call to the least-loaded executive who can take it, the best match among equal loads.
     * When only the owner has spare capacity, tries one exchange instead. False when neither works.
     */
    boolean place(Candidate candidate) {
        int chosen = choose(candidate);
        if (chosen >= 0) {
            add(chosen, candidate);
            return true;
        }
        return placeByExchange(candidate);
    }

    /** Least load, then best match, then lowest id; -1 when nobody can take the call. */
    int choose(Candidate candidate) {
        int best = -1;
        int bestMatch = -1;
        for (int i = 0; i < callers.size(); i++) {
            if (!canTake(i, candidate)) {
                continue;
            }
            int match = callers.get(i).match(candidate);
            if (best < 0 || load[i] < load[best] || (load[i] == load[best] && match > bestMatch)) {
                best = i;
                bestMatch = match;
            }
        }
        return best;
    }

    /** Moves a call from one executive to another; the receiver must be able to take it. */
    void move(Candidate call, int from, int to) {
        if (!canTake(to, call) || !Integer.valueOf(from).equals(holder.get(call))) {
            throw new IllegalStateException("invalid move of " + call.defectionId());
        }
        calls.get(from).removeIf(held -> held == call);
        load[from]--;
        assigned--;
        add(to, call);
    }

    /**
     * Everyone with spare capacity owns this customer. Free a full non-owner by handing one of their calls
     * (lowest priority first) to someone with spare capacity who may take it, then give them this call.
     */
    private boolean placeByExchange(Candidate candidate) {
        List<Integer> takers = new ArrayList<>();
        for (int i = 0; i < callers.size(); i++) {
            if (!callers.get(i).owns(candidate)) {
                takers.add(i);
            }
        }
        takers.sort(Comparator.comparingInt((Integer i) -> -callers.get(i).match(candidate))
                .thenComparingInt(i -> i));
        for (int taker : takers) {
            List<Candidate> held = new ArrayList<>(calls.get(taker));
            held.sort(Priority.ORDER.reversed());
            for (Candidate call : held) {
                int receiver = choose(call);
                if (receiver >= 0) {
                    move(call, taker, receiver);
                    add(taker, candidate);
                    return true;
                }
            }
        }
        return false;
    }

    private void add(int index, Candidate candidate) {
        if (!canTake(index, candidate)) {
            throw new IllegalStateException("executive cannot take " + candidate.defectionId());
        }
        calls.get(index).add(candidate);
        holder.put(candidate, index);
        load[index]++;
        assigned++;
    }
}
