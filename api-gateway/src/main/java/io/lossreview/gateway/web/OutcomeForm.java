package io.lossreview.gateway.web;

import jakarta.ws.rs.FormParam;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fields of the call-outcome form (web/outcome-form.html), as the executive's page and the calls board post it. */
public class OutcomeForm {

    @FormParam("outcome")
    String outcome;
    @FormParam("learnedCause")
    String learnedCause;
    @FormParam("winBackChance")
    String winBackChance;
    @FormParam("notes")
    String notes;
    @FormParam("followUp")
    String followUp;

    /** The fields as the API's outcome body takes them (PageCalls.body leaves the blank ones out). */
    Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("outcome", outcome);
        fields.put("learnedCause", learnedCause);
        fields.put("winBackChance", winBackChance);
        fields.put("notes", notes);
        fields.put("followUp", followUp);
        return fields;
    }
}
