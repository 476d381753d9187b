package io.lossreview.ingest.defection;

import io.lossreview.ingest.fx.FxRates;
import io.lossreview.ingest.fx.FxRateCsv;
import io.lossreview.ingest.defection.DefectionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Loading rates and valuing what waited for them happen in one transaction. */
@ApplicationScoped
public class FxRateService {

    /** How many rates were stored, and how many pending defections they valued. */
    public record LoadResult(int loaded, int revalued) {
    }

    private final FxRates rates;
    private final DefectionService defections;

    public FxRateService(FxRates rates, DefectionService defections) {
        this.rates = rates;
        this.defections = defections;
    }

    @Transactional
    public LoadResult load(String csv) {
        var parsed = FxRateCsv.parse(csv);
        rates.upsert(parsed);
        return new LoadResult(parsed.size(), defections.revaluePending());
    }
}
