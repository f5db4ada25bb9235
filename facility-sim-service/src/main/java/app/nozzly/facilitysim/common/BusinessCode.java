package app.nozzly.facilitysim.common;

/**
 * Business codes of specs/004 ("Error Codes") with the HTTP status each answers with. Codes the spec does
 * not list (4030, 4041-4043, 4090, 4290, 40x0) cover the administration API, team scoping and rate limits.
 */
public enum BusinessCode {
    SUCCESS(2000, 200, Msg.SUCCESS),
    VALIDATION_ERROR(4001, 400, Msg.VALIDATION_FAILED),
    INSUFFICIENT_RESOURCES(4002, 402, Msg.INSUFFICIENT_RESOURCES),
    NO_INFRASTRUCTURE_CONNECTION(4003, 409, Msg.NO_INFRASTRUCTURE_CONNECTION),
    INSUFFICIENT_SPACE(4004, 409, Msg.INSUFFICIENT_SPACE),
    INVALID_FACILITY_TYPE(4005, 400, Msg.INVALID_FACILITY_TYPE),
    PRODUCTION_NOT_FOUND(4006, 404, Msg.PRODUCTION_NOT_FOUND),
    PROVIDER_CAPACITY_EXCEEDED(4008, 409, Msg.PROVIDER_CAPACITY_EXCEEDED),
    INVALID_MATERIAL_FOR_FACILITY(4009, 400, Msg.INVALID_MATERIAL_FOR_FACILITY),
    FORBIDDEN(4030, 403, Msg.FORBIDDEN),
    FACILITY_NOT_FOUND(4041, 404, Msg.FACILITY_NOT_FOUND),
    TEAM_NOT_FOUND(4042, 404, Msg.TEAM_NOT_FOUND),
    CONNECTION_NOT_FOUND(4043, 404, Msg.CONNECTION_NOT_FOUND),
    CONFLICT(4090, 409, Msg.CONFLICT),
    RATE_LIMITED(4290, 429, Msg.RATE_LIMITED),
    MATERIAL_NOT_FOUND(4404, 404, Msg.MATERIAL_NOT_FOUND),
    INTERNAL_ERROR(5001, 500, Msg.INTERNAL_ERROR);

    private final int code;
    private final int httpStatus;
    private final Msg message;

    BusinessCode(int code, int httpStatus, Msg message) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Msg message() {
        return message;
    }
}
