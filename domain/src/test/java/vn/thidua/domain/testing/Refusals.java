package vn.thidua.domain.testing;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import vn.thidua.domain.common.DomainRuleException;
import vn.thidua.domain.common.Refusal;

/** Matches a {@link DomainRuleException} carrying one specific refusal. */
public final class Refusals {

    private Refusals() {
    }

    public static Matcher<Throwable> refusal(Refusal expected) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof DomainRuleException e && e.refusal() == expected;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("refusal " + expected.code());
            }
        };
    }
}
