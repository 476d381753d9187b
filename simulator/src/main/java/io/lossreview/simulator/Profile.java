package io.lossreview.simulator;

import io.lossreview.contracts.Contact;
import io.lossreview.contracts.Segment;

import java.util.List;
import java.util.Set;

/**
 * Who the lost customer is. Billing and CRM each send their own subset of this.
 *
 * @param stripe       billed through Stripe (else Chargebee): decides the CloudEvent source and plan naming
 * @param tenureMonths months between becoming a customer and the loss
 * @param competitor   the rival this customer names if it names one
 */
record Profile(String customerId, Segment segment, String region, String industry, String currency,
               String accountName, String accountOwner, Contact contact, boolean doNotContact, Integer lastNps,
               boolean stripe, int tenureMonths, String competitor) {

    private static final Segment[] SEGMENTS = {Segment.SMB, Segment.MID_MARKET, Segment.ENTERPRISE};
    private static final double[] SEGMENT_WEIGHTS = {60, 30, 10};
    private static final String[] CURRENCIES = {"USD", "EUR", "GBP", "CAD"};
    private static final double[] CURRENCY_WEIGHTS = {55, 25, 15, 5};
    private static final String[] USD_REGIONS = {"NA", "NA", "NA", "NA", "NA", "APAC", "LATAM"};

    /** A new customer whose id is not in {@code taken} (and is added to it). */
    static Profile next(Rand r, Set<String> taken) {
        String id;
        do {
            id = "cus_" + r.base36(10);
        } while (!taken.add(id));
        Segment segment = SEGMENTS[r.weighted(SEGMENT_WEIGHTS)];
        String currency = CURRENCIES[r.weighted(CURRENCY_WEIGHTS)];
        String region = switch (currency) {
            case "EUR", "GBP" -> "EMEA";
            case "CAD" -> "NA";
            default -> r.pick(USD_REGIONS);
        };
        String suffix = r.pick(Vocabulary.COMPANY_SUFFIX.get(currency));
        String accountName = (r.pick(Vocabulary.COMPANY_FIRST) + " " + r.pick(Vocabulary.COMPANY_SECOND) + " " + suffix).strip();
        Integer nps = r.chance(0.2) ? null : (int) Math.min(10, r.between(0, 7) + r.between(0, 4)); // lost customers skew low
        return new Profile(id, segment, region, r.pick(Vocabulary.INDUSTRIES), currency, accountName,
                r.pick(Vocabulary.ACCOUNT_OWNERS), contact(r, segment), r.chance(0.05), nps, r.chance(0.7),
                r.between(2, 72), r.pick(Vocabulary.COMPETITORS));
    }

    private static Contact contact(Rand r, Segment segment) {
        String first = r.pick(Vocabulary.FIRST_NAMES);
        String last = r.pick(Vocabulary.LAST_NAMES);
        List<String> titles = Vocabulary.TITLES.get(segment.name());
        String email = (first + "." + last).toLowerCase(java.util.Locale.ROOT) + "@example.com";
        String phone = "+1-555-0" + r.between(100, 199); // 555-0100..0199: reserved for fiction
        // CRM records are rarely complete: drop a field now and then.
        return new Contact(first + " " + last,
                r.chance(0.9) ? r.pick(titles) : null,
                r.chance(0.93) ? email : null,
                r.chance(0.7) ? phone : null);
    }
}
