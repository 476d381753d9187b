package io.lossreview.analyzer.classify;

import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.util.List;

/**
 * Folds negated auxiliaries, with or without apostrophe, into three tokens that mean different things here:
 * "dont" (don't/doesn't/didn't: a denial, "didn't leave because of price", or a need, "don't need it"),
 * "cant" (inability: "can't afford", "couldn't figure it out": a complaint, never a denial) and
 * "not" (isn't/wasn't/won't...: a denial, "it wasn't the price").
 */
final class NegationFormFilter extends TokenFilter {

    private static final CharArrayMap<String> FORMS = forms();

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    NegationFormFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String canonical = FORMS.get(term.buffer(), 0, term.length());
        if (canonical != null) {
            term.setEmpty().append(canonical);
        }
        return true;
    }

    private static CharArrayMap<String> forms() {
        CharArrayMap<String> map = new CharArrayMap<>(64, false);
        put(map, "dont", List.of("don't", "doesn't", "didn't", "dont", "doesnt", "didnt"));
        put(map, "cant", List.of("can't", "cannot", "couldn't", "cant", "couldnt"));
        put(map, "not", List.of("isn't", "wasn't", "aren't", "weren't", "ain't", "won't", "wouldn't", "shouldn't",
                "hasn't", "haven't", "hadn't", "isnt", "wasnt", "arent", "werent", "aint", "wouldnt", "shouldnt",
                "hasnt", "havent", "hadnt"));
        return map;
    }

    private static void put(CharArrayMap<String> map, String canonical, List<String> forms) {
        forms.forEach(form -> map.put(form, canonical));
    }
}
