package app.nozzly.inventory.common;

/**
 * What an endpoint's OpenAPI annotations name to document a 422 in the problem family; the other error statuses
 * are documented for every operation by platform-commons (openapi/ErrorResponsesFilter), under this schema.
 */
public final class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String SCHEMA = "ErrorProblem";

    private ProblemResponses() {
    }
}
