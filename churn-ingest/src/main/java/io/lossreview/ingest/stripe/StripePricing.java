package io.lossreview.ingest.stripe;

import io.lossreview.common.error.InvalidInput;
import io.lossreview.contracts.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/**
 * Seats, monthly recurring revenue and plan name of a Stripe Subscription object, from its {@code items.data[]}:
 * <ul>
 * <li>seats = Σ quantity (1 for an item without quantity);</li>
 * <li>MRR = Σ unit_amount (or unit_amount_decimal) × billed units × monthly factor of price.recurring, where the
 * billed units are the quantity, or with the price's {@code transform_quantity} the quantity divided by
 * {@code divide_by} and rounded as its {@code round} says (up or down), and the factor
 * is 1/n for every n months, 1/(12n) for every n years, 52/(12n) for every n weeks and 365/(12n) for every n days.
 * The sum is kept as an exact fraction and rounded once (HALF_UP) to the currency's decimals, at least 2 unless the
 * currency has none. Stripe amounts are in minor units; the minor-unit digits are ISO 4217's
 * ({@link Currency#getDefaultFractionDigits()}) except where Stripe documents otherwise (ISK counts in hundredths,
 * MGA has none);</li>
 * <li>plan = the first item's price nickname, else its lookup_key, else its id.</li>
 * </ul>
 * Discounts, taxes and metered usage are not part of the price, so they are not part of this MRR: an item
 * whose price is metered ({@code recurring.usage_type = metered}) counts neither as seats nor as MRR (its
 * quantity is not a number of seats, and its amount is only known once the usage is).
 */
final class StripePricing {

    /** Stripe's documented deviations from ISO 4217 minor units. */
    private static final Map<String, Integer> STRIPE_DIGITS = Map.of("ISK", 2, "MGA", 0);

    record Summary(int seats, Money mrr, String plan) {
    }

    private StripePricing() {
    }

    static Summary of(StripeJson subscription) {
        StripeJson items = subscription.get("items").get("data");
        if (items.absent() || (items.node().isArray() && items.node().isEmpty())) {
            throw items.required();
        }
        if (!items.node().isArray()) {
            throw items.typeError("an array");
        }
        StripeJson currencyNode = subscription.get("currency");
        String currency = upper(currencyNode.textOrNull());

        long seats = 0;
        BigDecimal numerator = BigDecimal.ZERO; // Σ monthly minor units = numerator / denominator
        BigDecimal denominator = BigDecimal.ONE;
        String plan = null;
        for (int i = 0; i < items.node().size(); i++) {
            StripeJson item = items.get(i).requiredObject();
            StripeJson price = item.get("price").requiredObject();
            StripeJson recurring = price.get("recurring").requiredObject();
            StripeJson priceCurrency = price.get("currency");
            String itemCurrency = upper(priceCurrency.textOrNull());
            if (currency == null && itemCurrency != null) {
                currency = itemCurrency;
                currencyNode = priceCurrency;
            } else if (itemCurrency != null && !itemCurrency.equals(currency)) {
                throw new InvalidInput(priceCurrency.pointer(), "currency", priceCurrency.pointer()
                        + " is " + itemCurrency + " but the subscription is billed in " + currency);
            }
            if ("metered".equals(recurring.get("usage_type").textOrNull())) {
                continue;
            }

            int quantity = item.get("quantity").count(1, 0);
            BigDecimal unitAmount = unitAmount(price);
            long[] factor = monthlyFactor(recurring);
            BigDecimal itemNumerator = unitAmount.multiply(BigDecimal.valueOf(billedUnits(price, quantity)))
                    .multiply(BigDecimal.valueOf(factor[0]));
            BigDecimal itemDenominator = BigDecimal.valueOf(factor[1]);
            numerator = numerator.multiply(itemDenominator).add(itemNumerator.multiply(denominator));
            denominator = denominator.multiply(itemDenominator);

            seats += quantity;
            if (plan == null) {
                plan = firstNonBlank(price.get("nickname").textOrNull(), price.get("lookup_key").textOrNull(),
                        price.get("id").textOrNull());
            }
        }
        if (currency == null) {
            throw currencyNode.required();
        }
        int digits = minorUnitDigits(currency, currencyNode);
        int scale = digits == 0 ? 0 : Math.max(2, digits);
        BigDecimal amount = numerator.movePointLeft(digits).divide(denominator, scale, RoundingMode.HALF_UP);
        if (seats > Integer.MAX_VALUE) {
            throw new InvalidInput(items.pointer(), "maximum", "The subscription has too many seats");
        }
        return new Summary((int) seats, new Money(amount, currency), plan);
    }

    /** Minor-unit digits as Stripe counts them for an ISO 4217 code. */
    static int minorUnitDigits(String currency, StripeJson at) {
        Integer stripe = STRIPE_DIGITS.get(currency);
        if (stripe != null) {
            return stripe;
        }
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            if (digits >= 0) {
                return digits;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidInput(at.pointer(), "currency", at.pointer() + " is not an ISO 4217 currency: "
                + currency);
    }

    private static BigDecimal unitAmount(StripeJson price) {
        StripeJson unitAmount = price.get("unit_amount");
        Long minor = unitAmount.integer();
        BigDecimal amount = minor != null ? BigDecimal.valueOf(minor) : price.get("unit_amount_decimal").decimalText();
        if (amount == null) {
            // e.g. a tiered price: its amount depends on tiers Stripe does not include in the event
            throw unitAmount.required();
        }
        if (amount.signum() < 0) {
            throw new InvalidInput(unitAmount.pointer(), "minimum", unitAmount.pointer()
                    + " must not be negative");
        }
        return amount;
    }

    /** The units a price bills for this quantity: with transform_quantity, packages of divide_by (rounded up or down). */
    private static long billedUnits(StripeJson price, int quantity) {
        StripeJson transform = price.get("transform_quantity");
        if (transform.absent() || transform.node().isNull()) {
            return quantity;
        }
        transform.requiredObject();
        int divideBy = transform.get("divide_by").count(1, 1);
        StripeJson round = transform.get("round");
        return switch (round.requiredText()) {
            case "up" -> (quantity + (long) divideBy - 1) / divideBy;
            case "down" -> quantity / divideBy;
            default -> throw new InvalidInput(round.pointer(), "enum", round.pointer() + " must be up or down");
        };
    }

    /** {numerator, denominator} turning one billing period's amount into a month's. */
    private static long[] monthlyFactor(StripeJson recurring) {
        StripeJson interval = recurring.get("interval");
        long count = recurring.get("interval_count").count(1, 1);
        return switch (interval.requiredText()) {
            case "month" -> new long[] {1, count};
            case "year" -> new long[] {1, 12 * count};
            case "week" -> new long[] {52, 12 * count};
            case "day" -> new long[] {365, 12 * count};
            default -> throw new InvalidInput(interval.pointer(), "enum", interval.pointer()
                    + " must be one of day, week, month, year");
        };
    }

    private static String upper(String currency) {
        return currency == null ? null : currency.strip().toUpperCase(Locale.ROOT);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
