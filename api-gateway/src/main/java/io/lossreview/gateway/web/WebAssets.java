package io.lossreview.gateway.web;

import io.quarkus.qute.TemplateGlobal;

/** Static files the pages load; Chart.js comes from its webjar (version pinned in api-gateway's pom). */
@TemplateGlobal
public final class WebAssets {

    /** Must match chartjs.version in the root pom.xml; the browser tests load it. */
    static final String chartJs = "/webjars/chart.js/4.4.1/dist/chart.umd.js";

    private WebAssets() {
    }
}
