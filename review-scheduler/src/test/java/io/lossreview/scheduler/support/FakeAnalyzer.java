package io.lossreview.scheduler.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The analyzer's REST contract, served with fixed figures: exactly the endpoints
 * {@link io.lossreview.scheduler.analyzer.AnalyzerApi} calls, answered in defection-analyzer's JSON
 * shapes (decimals as plain strings, months as yyyy-MM) from a JDK HTTP server on a free port.
 * The real analyzer needs its own database and Kafka topics; the scheduler only needs its answers.
 *
 * <p>Everything is derived from {@link #LOSSES} (customers and ARR lost per cause and month; other
 * months lost nothing) by rules simple enough to redo by hand:
 * <ul>
 * <li>summary: seats = 3 per customer, MRR = ARR / 12 (cents, half up), lifetime value = 2 × ARR,
 *     1 win-back worth 1,200.00; PAYMENT_FAILURE is involuntary, everything else voluntary;
 *     February 2026 flags COMPETITOR as emerging;</li>
 * <li>changes (the analyzer's rule): differences against the prior month, or against the mean of the
 *     3 prior months (2 decimals, half even); ARR in percent with 1 decimal, absent against zero;</li>
 * <li>ranking by ARR; shares of value and volume with 4 decimals, half even;</li>
 * <li>one defection per cause and month, worth the cause's ARR / customers, with a quotable reason;</li>
 * <li>trends: every cause with losses in the range, every month of the range (zeros included).</li>
 * </ul>
 * The summary of {@link #CONTENDED} is only served once two requests for it are waiting (or after
 * 5 s): two builds then finish reading together and race for the month's lock.
 */
public class FakeAnalyzer implements QuarkusTestResourceLifecycleManager {

    /** A cause's losses in a month. */
    record Loss(String cause, int customers, BigDecimal arr) {
    }

    static final Map<YearMonth, List<Loss>> LOSSES = Map.of(
            YearMonth.of(2024, 11), List.of(loss("PRICE", 6, "30000.00")),
            YearMonth.of(2025, 7), List.of(loss("SUPPORT", 9, "21600.00")),
            YearMonth.of(2025, 11), List.of(loss("PRICE", 6, "27000.00"), loss("SUPPORT", 3, "7200.00")),
            YearMonth.of(2025, 12), List.of(loss("PRICE", 7, "33600.00"), loss("SUPPORT", 4, "9600.00")),
            YearMonth.of(2026, 1), List.of(loss("PRICE", 8, "41600.00"), loss("SUPPORT", 5, "12400.00")),
            YearMonth.of(2026, 2), List.of(loss("PRICE", 10, "52000.00"), loss("COMPETITOR", 3, "18000.00"),
                    loss("SUPPORT", 4, "9600.00"), loss("PAYMENT_FAILURE", 2, "4800.00")),
            YearMonth.of(2026, 4), List.of(loss("PRICE", 2, "10000.00")));

    static final Map<String, String> LABELS = Map.of("PRICE", "Price", "SUPPORT", "Support",
            "COMPETITOR", "Competitor", "PAYMENT_FAILURE", "Payment failure");

    static final YearMonth CONTENDED = YearMonth.of(2026, 4);
    static final int TAXONOMY_VERSION = 3;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CyclicBarrier contended = new CyclicBarrier(2);
    private HttpServer server;
    private ExecutorService threads;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Several threads: two concurrent builds must be able to wait for each other here.
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-analyzer");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
        return Map.of("quarkus.rest-client.analyzer.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    private void handle(HttpExchange x) throws IOException {
        try {
            String[] path = x.getRequestURI().getPath().replaceAll("^/+|/+$", "").split("/");
            Map<String, String> q = query(x.getRequestURI().getRawQuery());
            Object body = null;
            if (path.length == 3 && path[0].equals("months")) {
                YearMonth month = YearMonth.parse(path[1]);
                body = switch (path[2]) {
                    case "summary" -> summary(month);
                    case "causes" -> "arr".equals(q.get("rankBy")) ? ranking(month) : null;
                    case "breakdown" -> breakdown(month, q.get("by"));
                    case "defection-causes" -> defections(month, null).stream().map(d -> Map.of("id", d.get("id"),
                            "cause", d.get("cause"), "causeSource", "CLASSIFIER", "confidence", 0.9)).toList();
                    default -> null;
                };
            } else if (path.length == 1 && path[0].equals("trends")) {
                body = trend(YearMonth.parse(q.get("from")), YearMonth.parse(q.get("to")));
            } else if (path.length == 1 && path[0].equals("defections")) {
                List<Map<String, Object>> items = defections(YearMonth.parse(q.get("month")), q.get("cause"));
                int size = Integer.parseInt(q.getOrDefault("size", "50"));
                body = Map.of("items", items.stream().limit(size).toList(), "page", 0, "size", size,
                        "total", items.size());
            }
            if (body == null) {
                x.sendResponseHeaders(404, -1); // not part of the contract: the client must not call it
                return;
            }
            byte[] bytes = JSON.writeValueAsBytes(body);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, bytes.length);
            x.getResponseBody().write(bytes);
        } finally {
            x.close();
        }
    }

    private Map<String, Object> summary(YearMonth month) {
        if (month.equals(CONTENDED)) {
            awaitTheOtherBuild();
        }
        Loss all = total(month, null);
        Loss involuntary = total(month, "PAYMENT_FAILURE");
        List<YearMonth> trailing = List.of(month.minusMonths(3), month.minusMonths(2), month.minusMonths(1));
        BigDecimal avgCustomers = avg(trailing.stream().map(m -> BigDecimal.valueOf(total(m, null).customers())).toList());
        BigDecimal avgArr = avg(trailing.stream().map(m -> total(m, null).arr()).toList());
        Loss prior = total(month.minusMonths(1), null);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("month", month.toString());
        s.put("taxonomyVersion", TAXONOMY_VERSION);
        s.put("customers", all.customers());
        s.put("seats", 3 * all.customers());
        s.put("mrrLost", money(all.arr().divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP)));
        s.put("arrLost", money(all.arr()));
        s.put("lifetimeValueLost", money(all.arr().multiply(BigDecimal.valueOf(2))));
        s.put("unvalued", 0);
        s.put("wonBack", 1);
        s.put("wonBackArr", "1200.00");
        s.put("voluntary", Map.of("customers", all.customers() - involuntary.customers(),
                "arrLost", money(all.arr().subtract(involuntary.arr()))));
        s.put("involuntary", Map.of("customers", involuntary.customers(), "arrLost", money(involuntary.arr())));
        s.put("vsPriorMonth", change(all, BigDecimal.valueOf(prior.customers()), prior.arr()));
        s.put("vsTrailing3Months", change(all, avgCustomers, avgArr));
        s.put("emergingCauses", month.equals(YearMonth.of(2026, 2))
                ? List.of(Map.of("cause", "COMPETITOR", "count", 3, "baseline", "0.33", "pValue", 0.004,
                        "explanation", "3 this month against 0.33 expected"))
                : List.of());
        return s;
    }

    private Map<String, Object> ranking(YearMonth month) {
        Loss all = total(month, null);
        List<Map<String, Object>> causes = new ArrayList<>();
        BigDecimal cumulative = BigDecimal.ZERO;
        for (Loss l : ranked(month)) {
            BigDecimal share = share(l.arr(), all.arr());
            cumulative = cumulative.add(share);
            Loss prior = total(month.minusMonths(1), l.cause());
            causes.add(Map.of("rank", causes.size() + 1, "cause", l.cause(), "label", LABELS.get(l.cause()),
                    "customers", l.customers(), "arrLost", money(l.arr()), "shareOfValue", share.toPlainString(),
                    "shareOfVolume", share(BigDecimal.valueOf(l.customers()), BigDecimal.valueOf(all.customers()))
                            .toPlainString(),
                    "cumulativeShare", cumulative.toPlainString(),
                    "vsPriorMonth", change(l, BigDecimal.valueOf(prior.customers()), prior.arr())));
        }
        return Map.of("month", month.toString(), "taxonomyVersion", TAXONOMY_VERSION, "rankedBy", "arr", "causes", causes);
    }

    /** All of a month's losses in one bucket: MID_MARKET by segment, EMEA by region. */
    private static Map<String, Object> breakdown(YearMonth month, String by) {
        Loss all = total(month, null);
        String bucket = "segment".equals(by) ? "MID_MARKET" : "EMEA";
        List<Map<String, Object>> buckets = all.customers() == 0 ? List.of() : List.of(Map.of("bucket", bucket,
                "customers", all.customers(), "arrLost", money(all.arr()), "shareOfValue", "1.0000",
                "shareOfVolume", "1.0000", "causes", List.of()));
        return Map.of("month", month.toString(), "by", by, "buckets", buckets);
    }

    private static Map<String, Object> trend(YearMonth from, YearMonth to) {
        TreeSet<String> causes = new TreeSet<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            LOSSES.getOrDefault(m, List.of()).forEach(l -> causes.add(l.cause()));
        }
        List<Map<String, Object>> series = causes.stream().map(c -> {
            List<Map<String, Object>> points = new ArrayList<>();
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                Loss l = total(m, c);
                points.add(Map.of("month", m.toString(), "customers", l.customers(), "arrLost", money(l.arr())));
            }
            return Map.<String, Object>of("cause", c, "months", points);
        }).toList();
        return Map.of("from", from.toString(), "to", to.toString(), "causes", series);
    }

    /** One defection per cause (of one cause, if given), largest ARR first. */
    private static List<Map<String, Object>> defections(YearMonth month, String cause) {
        return ranked(month).stream().filter(l -> cause == null || l.cause().equalsIgnoreCase(cause)).map(l -> {
            String customer = "cus_" + l.cause().toLowerCase() + "_" + month;
            return Map.<String, Object>of("id", UUID.nameUUIDFromBytes(customer.getBytes(StandardCharsets.UTF_8)).toString(),
                    "customerId", customer, "accountName", LABELS.get(l.cause()) + " Leaver " + month,
                    "segment", "MID_MARKET", "region", "EMEA", "cause", l.cause(), "confidence", 0.9, "needsReview", false,
                    "arrLost", money(l.arr().divide(BigDecimal.valueOf(l.customers()), 2, RoundingMode.HALF_UP)),
                    "statedReason", Map.of("statedReason", "We left over " + LABELS.get(l.cause()).toLowerCase()
                            + ", and we told our account manager so."));
        }).sorted(Comparator.comparing((Map<String, Object> d) -> new BigDecimal((String) d.get("arrLost"))).reversed()
                .thenComparing(d -> (String) d.get("customerId"))).toList();
    }

    private void awaitTheOtherBuild() {
        try {
            contended.await(5, TimeUnit.SECONDS);
        } catch (TimeoutException | BrokenBarrierException e) {
            contended.reset(); // a lone build: serve it anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> change(Loss now, BigDecimal refCustomers, BigDecimal refArr) {
        BigDecimal arrDelta = now.arr().subtract(refArr);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("referenceCustomers", refCustomers.toPlainString());
        c.put("referenceArrLost", money(refArr));
        c.put("customers", BigDecimal.valueOf(now.customers()).subtract(refCustomers).toPlainString());
        c.put("arrLost", money(arrDelta));
        if (refArr.signum() != 0) { // like the analyzer: no percent against zero, and no nulls in its JSON
            c.put("arrLostPercent", arrDelta.multiply(BigDecimal.valueOf(100)).divide(refArr, 1, RoundingMode.HALF_EVEN)
                    .toPlainString());
        }
        return c;
    }

    private static List<Loss> ranked(YearMonth month) {
        return LOSSES.getOrDefault(month, List.of()).stream()
                .sorted(Comparator.comparing(Loss::arr).reversed().thenComparing(Loss::cause)).toList();
    }

    /** The month's losses, of one cause if given. */
    private static Loss total(YearMonth month, String cause) {
        int customers = 0;
        BigDecimal arr = new BigDecimal("0.00");
        for (Loss l : LOSSES.getOrDefault(month, List.of())) {
            if (cause == null || l.cause().equals(cause)) {
                customers += l.customers();
                arr = arr.add(l.arr());
            }
        }
        return new Loss(cause, customers, arr);
    }

    private static BigDecimal avg(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? new BigDecimal("0.0000") : part.divide(whole, 4, RoundingMode.HALF_EVEN);
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static Loss loss(String cause, int customers, String arr) {
        return new Loss(cause, customers, new BigDecimal(arr));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            q.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return q;
    }
}
