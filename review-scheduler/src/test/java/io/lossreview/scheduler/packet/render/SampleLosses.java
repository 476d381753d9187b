package io.lossreview.scheduler.packet.render;

import io.lossreview.scheduler.packet.model.AssignmentLine;
import io.lossreview.scheduler.packet.model.CauseDecision;
import io.lossreview.scheduler.packet.model.NotableLoss;
import io.lossreview.scheduler.packet.model.Story;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.lossreview.scheduler.packet.render.PacketSamples.money;

/** The customer-level parts of the full sample: messy stated reasons, quotes, this month's calls. */
final class SampleLosses {

    /** Markup and an ampersand in a stated reason: must come out escaped, never as markup. */
    static final String HOSTILE_REASON =
            "We moved to <script>alert(1)</script> RivalSoft because their \"all-in\" pricing & SSO came bundled.";
    static final String PLAIN_REASON = "Project ended. Thanks for everything :)";
    /** Globex's cause, corrected on Raj Patel's call: the classifier had Other. */
    static final CauseDecision GLOBEX_CALL = new CauseDecision(CauseDecision.CALL, "Raj Patel (CFO)", "PRICE", "OTHER",
            "Finance froze every tool over $100k; they would come back on an annual plan.");
    /** Umbrella Health's cause, decided by ops by hand. */
    static final CauseDecision UMBRELLA_OPS = new CauseDecision(CauseDecision.OPS, "dana.ops", "SUPPORT", null, null);

    private SampleLosses() {
    }

    static List<NotableLoss> notable() {
        return List.of(
                loss("c-1001", "Northwind Logistics & Co.", "ENTERPRISE", 312_000, "COMPETITOR",
                        "Switched to a competitor", HOSTILE_REASON),
                loss("c-1002", "Globex Corporation", "ENTERPRISE", 268_400, "PRICE", "Price / budget",
                        "budget cut 40% for FY26 \u2014 CFO said 'no new spend', nothing personal", GLOBEX_CALL),
                loss("c-1003", "Initech", "ENTERPRISE", 241_000, "PRODUCT_GAP", "Missing features",
                        "no SAML/SCIM provisioning!!! asked for it 3 times (tickets #4411, #4520)"),
                loss("c-1004", "Umbrella Health", "ENTERPRISE", 198_500, "SUPPORT", "Poor support experience",
                        "Support took 9 days to answer a P1.\nWe can't run a hospital like that.\u0007", UMBRELLA_OPS),
                loss("c-1005", "Stark Analytics", "MID_MARKET", 176_000, "COMPETITOR", "Switched to a competitor",
                        "   switched to an in-house tool   "),
                loss("c-1006", "Wayne Enterprises", "ENTERPRISE", 164_200, "PRICE", "Price / budget", null),
                loss("c-1007", "Hooli", "MID_MARKET", 150_000, "PRODUCT_GAP", "Missing features",
                        "API rate limits too low for our ETL; see thread w/ your PM"),
                loss("c-1008", "Soylent Foods", "MID_MARKET", 139_900, "INVOLUNTARY", "Failed payment",
                        "card declined x3 \u2014 finance didn't update the PO"),
                loss("c-1009", "Cyberdyne Systems", "MID_MARKET", 128_800, "NO_LONGER_NEEDED", "No longer needed",
                        PLAIN_REASON),
                loss("c-1010", "M\u00FCller & S\u00F6hne GmbH", "MID_MARKET", 121_500, "PRICE", "Price / budget",
                        "Zu teuer \u2013 an 18% increase was not acceptable \u2192 moved to a cheaper tool"));
    }

    static List<Story> stories() {
        return List.of(
                new Story("PRICE", "Price / budget", "Globex Corporation", "ENTERPRISE", money(268_400),
                        "We loved the product, but when finance cut every tool over $100k, "
                                + "yours was the easiest to cut.", GLOBEX_CALL),
                story("PRICE", "Price / budget", "Lumen Dental", "SMB", 8_400,
                        "The 18% increase landed the same week our own prices froze. We had no room."),
                story("COMPETITOR", "Switched to a competitor", "Stark Analytics", "MID_MARKET", 176_000,
                        "RivalSoft gave us SSO, audit logs and the warehouse connector in one plan. "
                                + "You charge extra for each."),
                story("COMPETITOR", "Switched to a competitor", "Orbit Freight", "MID_MARKET", 64_000,
                        "Honestly the switch took a weekend. That told us how little lock-in we had."),
                story("PRODUCT_GAP", "Missing features", "Initech", "ENTERPRISE", 241_000,
                        "Without SCIM our IT team spent two days a month on user admin. That's not sustainable."),
                story("PRODUCT_GAP", "Missing features", "Hooli", "MID_MARKET", 150_000,
                        "We hit the API limits every night at 2am & nobody could raise them for us."),
                story("SUPPORT", "Poor support experience", "Umbrella Health", "ENTERPRISE", 198_500,
                        "Nine days for a P1. We're a hospital. That's the whole story."),
                story("INVOLUNTARY", "Failed payment", "Soylent Foods", "MID_MARKET", 139_900,
                        "We didn't mean to leave \u2014 the card expired and nobody told the right person."));
    }

    static List<AssignmentLine> assignments() {
        String[] executives = {"Maria Alvarez (CEO)", "Raj Patel (CFO)", "Dana Whitfield (CRO)", "Marcus Lee (CPO)"};
        String[][] calls = {
                {"Northwind Logistics & Co.", "ENTERPRISE", "NA", "312000", "COMPETITOR",
                        "Largest loss; CEO sponsor relationship"},
                {"Globex Corporation", "ENTERPRISE", "EMEA", "268400", "PRICE", "Budget cut: explore annual plan"},
                {"Initech", "ENTERPRISE", "NA", "241000", "PRODUCT_GAP", "SCIM roadmap date to share"},
                {"Umbrella Health", "ENTERPRISE", "NA", "198500", "SUPPORT", "P1 escalation failed; apology owed"},
                {"Stark Analytics", "MID_MARKET", "EMEA", "176000", "COMPETITOR", "Learn what the competitor bundles"},
                {"Wayne Enterprises", "ENTERPRISE", "NA", "164200", "PRICE", "No stated reason: find out why"},
                {"Hooli", "MID_MARKET", "APAC", "150000", "PRODUCT_GAP", "API limits: product can lift them now"},
                {"Soylent Foods", "MID_MARKET", "LATAM", "139900", "INVOLUNTARY", "Failed payment: win-back likely"},
                {"Cyberdyne Systems", "MID_MARKET", "NA", "128800", "NO_LONGER_NEEDED", "Project ended: next project?"},
                {"M\u00FCller & S\u00F6hne GmbH", "MID_MARKET", "EMEA", "121500", "PRICE", "Price increase pushback"},
                {"Lumen Dental", "SMB", "ANZ", "8400", "PRICE", "Representative SMB price case"},
                {"Orbit Freight", "MID_MARKET", "APAC", "64000", "COMPETITOR", "Declined last month; try the CRO"}};
        List<AssignmentLine> lines = new ArrayList<>();
        for (int i = 0; i < calls.length; i++) {
            String[] c = calls[i];
            lines.add(new AssignmentLine(executives[i % executives.length], c[0], c[1], c[2],
                    money(Integer.parseInt(c[3])), c[4], c[5], LocalDate.of(2026, 4, 10 + i), null,
                    AssignmentLine.ASSIGNED, null, c[4], null, null, null));
        }
        // Two calls are done: Northwind confirmed its cause, Globex's corrected it (the classifier had Other).
        lines.set(0, completed(lines.get(0), "COMPETITOR", "RivalSoft bundled SSO and audit logs; we charge for each."));
        AssignmentLine globex = lines.get(1);
        lines.set(1, new AssignmentLine(globex.executive(), globex.accountName(), globex.segment(), globex.region(),
                globex.arrLost(), "PRICE", globex.why(), globex.dueDate(), null, AssignmentLine.COMPLETED, "REACHED",
                "OTHER", "PRICE", GLOBEX_CALL.learned(), null));
        // Orbit Freight's call moved from Dana to Marcus.
        lines.add(new AssignmentLine("Dana Whitfield (CRO)", "Orbit Freight", "MID_MARKET", "APAC", money(64_000),
                "COMPETITOR", "Declined last month", LocalDate.of(2026, 4, 21), null, AssignmentLine.REASSIGNED, null,
                "COMPETITOR", null, null, "Marcus Lee (CPO)"));
        return lines;
    }

    private static AssignmentLine completed(AssignmentLine a, String learned, String notes) {
        return new AssignmentLine(a.executive(), a.accountName(), a.segment(), a.region(), a.arrLost(), learned, a.why(),
                a.dueDate(), a.defectionId(), AssignmentLine.COMPLETED, "REACHED", a.classifiedCause(), learned, notes, null);
    }

    private static NotableLoss loss(String id, String account, String segment, int arr, String cause, String label,
                                    String reason) {
        return loss(id, account, segment, arr, cause, label, reason, null);
    }

    private static NotableLoss loss(String id, String account, String segment, int arr, String cause, String label,
                                    String reason, CauseDecision decision) {
        return new NotableLoss(id, account, segment, money(arr), cause, label, reason, decision);
    }

    private static Story story(String cause, String label, String account, String segment, int arr, String quote) {
        return new Story(cause, label, account, segment, money(arr), quote, null);
    }
}
