package org.rishe.api.pledges;

import java.math.BigDecimal;

/**
 * The body of {@code POST /needs/{ref}/pledges}: the amount pledged, read exactly as written, and
 * its currency, which must be the need's. Both are left out (or the body is empty) for a need
 * without an amount, which a pledge takes whole.
 */
public record PledgeRequest(BigDecimal amount, String currency) {}
