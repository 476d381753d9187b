package io.lossreview.common.identity;

import io.lossreview.common.problem.ProblemException;
import io.lossreview.common.problem.ProblemType;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling an internal service: the subject of the verified internal token (the person the
 * api-gateway authenticated, or the calling service). Never a header: a header is anybody's claim.
 */
public final class Caller {

    private Caller() {
    }

    /** The caller's name, for changes that must say who made them. */
    public static String of(SecurityIdentity identity) {
        String name = identity == null || identity.isAnonymous() ? null : identity.getPrincipal().getName();
        if (name == null || name.isBlank() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "the token names no usable caller (its subject is empty,"
                    + " longer than 200 characters or holds control characters)");
        }
        return name.strip();
    }
}
