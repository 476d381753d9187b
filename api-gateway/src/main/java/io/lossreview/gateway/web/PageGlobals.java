package io.lossreview.gateway.web;

import io.quarkus.qute.TemplateGlobal;
import org.eclipse.microprofile.config.ConfigProvider;

/** What every page may show without its resource passing it: the reporting currency's symbol, before every amount. */
@TemplateGlobal
public final class PageGlobals {

    private PageGlobals() {
    }

    /** "$" for USD (`gateway.reporting-currency`, `REPORTING_CURRENCY`); read from the configuration when a page renders. */
    public static String currency() {
        return PageFormats.symbol(ConfigProvider.getConfig().getOptionalValue("gateway.reporting-currency", String.class)
                .orElse("USD"));
    }
}
