package io.lossreview.ingest.fx;

import io.lossreview.common.error.InvalidInput;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.lossreview.contracts.InputGuard;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses the admin's FX CSV ({@code date,currency,rate} with a header); reports every bad cell. */
public final class FxRateCsv {

    private static final CsvMapper CSV = new CsvMapper();
    /** What the rate column (numeric(20,8)) holds, written plainly: no exponent, nothing rounded away. */
    private static final Pattern RATE = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,8})?");
    /** Violations listed in one answer; a file of bad lines says enough with the first ones. */
    private static final int MAX_VIOLATIONS = 200;

    private FxRateCsv() {
    }

    public static List<FxRates.Rate> parse(String csv) {
        List<FxRates.Rate> rates = new ArrayList<>();
        List<InvalidInput.Violation> violations = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = CSV.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv == null ? "" : csv)) {
            int line = 1;
            while (rows.hasNext()) {
                line++;
                Map<String, String> row = rows.next();
                FxRates.Rate rate = row(row, line, violations);
                if (rate != null) {
                    rates.add(rate);
                }
            }
        } catch (IOException | RuntimeException e) {
            violations.add(new InvalidInput.Violation("body", "csv", "Not a CSV with the header date,currency,rate: " + e.getMessage()));
        }
        if (rates.isEmpty() && violations.isEmpty()) {
            violations.add(new InvalidInput.Violation("body", "required", "No rates: send lines of date,currency,rate after the header"));
        }
        InvalidInput.throwIfAny(violations, MAX_VIOLATIONS);
        return rates;
    }

    private static FxRates.Rate row(Map<String, String> row, int line, List<InvalidInput.Violation> violations) {
        int before = violations.size();
        LocalDate date = null;
        BigDecimal rate = null;
        String currency = row.get("currency");
        try {
            date = LocalDate.parse(String.valueOf(row.get("date")).trim());
        } catch (DateTimeParseException e) {
            violations.add(new InvalidInput.Violation("line " + line + " date", "format", "date must be yyyy-MM-dd, got " + InputGuard.safe(row.get("date"), 64)));
        }
        try {
            Currency.getInstance(String.valueOf(currency).trim());
        } catch (IllegalArgumentException e) {
            violations.add(new InvalidInput.Violation("line " + line + " currency", "currency", InputGuard.safe(currency, 64) + " is not an ISO 4217 code"));
        }
        String text = String.valueOf(row.get("rate")).trim();
        // Checked before parsing: new BigDecimal("1e999999") parses, and then no column can hold it.
        if (!RATE.matcher(text).matches()) {
            violations.add(new InvalidInput.Violation("line " + line + " rate", "pattern", "rate must be a plain decimal with at most"
                    + " 12 digits before the point and 8 after, got " + InputGuard.safe(text, 64)));
        } else {
            rate = new BigDecimal(text);
            if (rate.signum() <= 0) {
                violations.add(new InvalidInput.Violation("line " + line + " rate", "exclusiveMinimum", "rate must be greater than 0"));
            }
        }
        return violations.size() == before ? new FxRates.Rate(date, currency.trim(), rate) : null;
    }
}
