package io.lossreview.scheduler.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/**
 * The analyzer reachable: {@link FakeAnalyzer} answers its REST contract. The default test profile
 * keeps it down, so every test that builds a packet shares this one profile (one more application start).
 */
public class AnalyzerUp implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeAnalyzer.class));
    }
}
