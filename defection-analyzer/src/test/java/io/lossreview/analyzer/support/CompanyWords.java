package io.lossreview.analyzer.support;

import java.util.List;

/**
 * Each company has words of its own: made-up names of a desk, a rival, a dashboard, a budget line, as an account
 * team would use them. No corpus can know them; people's labels must teach them. Each case is a phrasing to label,
 * a different but similar one, a third that shares only the made-up words with both (far from near-identical, so
 * only a retrained model can get it right, never the labelled-example index), and the cause.
 */
public final class CompanyWords {

    public record Case(String labelled, String similar, String further, String cause) {
    }

    public static final List<Case> CASES = List.of(
            new Case("the kestrel desk left us hanging for weeks", "kestrel desk left them hanging",
                    "waited on kestrel desk a month, nothing", "SUPPORT"),
            new Case("they went over to quorvex in the spring", "went over to quorvex this spring",
                    "quorvex it is from june", "COMPETITOR"),
            new Case("the brambleline kept dropping the overnight runs", "brambleline dropping overnight runs again",
                    "brambleline fell over twice last week", "PRODUCT_QUALITY"),
            new Case("zentho line got struck off by the board", "zentho line struck off",
                    "zentho line cannot carry this any longer", "PRICE"),
            new Case("still no plinkett module after two years", "no plinkett module yet", "we still wait for plinkett",
                    "MISSING_FEATURES"),
            new Case("the whole grindle office is being folded", "grindle office folded", "grindle office shuts in june",
                    "NO_LONGER_NEEDED"),
            new Case("nobody figured out the sprocket view", "sprocket view, nobody figured it out",
                    "sprocket view lost everyone on the team", "EASE_OF_USE"));

    private CompanyWords() {
    }
}
