package org.rishe.api.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /query}. Fields not listed here are refused.
 *
 * @param measure the cube to read: {@code cases}, {@code people} or {@code participants}
 * @param dimensions the dimensions to break the measure down by (none: the grand total)
 * @param filters per dimension, the values whose cells to return; a filtered dimension is part of
 *     the breakdown (rows carry it), never summed over a subset of its values
 * @param totals true to add the margins: each dimension dropped in turn, and the grand total
 */
public record QueryRequest(
    @Schema(
            description = "cases, people or participants",
            requiredMode = Schema.RequiredMode.REQUIRED)
        String measure,
    @Schema(description = "dimensions to break the measure down by; see GET /query/cubes")
        List<String> dimensions,
    @Schema(description = "dimension -> the values whose cells to return")
        Map<String, List<String>> filters,
    @Schema(description = "true adds the margins (each dimension dropped in turn, grand total)")
        Boolean totals) {}
