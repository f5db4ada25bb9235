package app.nozzly.facilitysim.common;

import java.util.Arrays;

import app.nozzly.platform.errors.ErrorCodes;

/**
 * Business codes of specs/004 ("Error Codes") with the HTTP status each answers with. Codes the spec does not list
 * are the HTTP status times ten (4010, 4030, 4040, 4090, 4290, ...), and 4041-4043 name what the administration
 * API did not find. A constant whose name is one of the platform's {@link ErrorCodes} is what that code reads as
 * in the specs/004 envelope.
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
    UNAUTHORIZED(4010, 401, Msg.UNAUTHORIZED),
    FORBIDDEN(4030, 403, Msg.FORBIDDEN),
    NOT_FOUND(4040, 404, Msg.NOT_FOUND),
    FACILITY_NOT_FOUND(4041, 404, Msg.FACILITY_NOT_FOUND),
    TEAM_NOT_FOUND(4042, 404, Msg.TEAM_NOT_FOUND),
    CONNECTION_NOT_FOUND(4043, 404, Msg.CONNECTION_NOT_FOUND),
    METHOD_NOT_ALLOWED(4050, 405, Msg.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(4060, 406, Msg.NOT_ACCEPTABLE),
    CONFLICT(4090, 409, Msg.CONFLICT),
    PAYLOAD_TOO_LARGE(4130, 413, Msg.PAYLOAD_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(4150, 415, Msg.UNSUPPORTED_MEDIA_TYPE),
    UNPROCESSABLE(4220, 422, Msg.UNPROCESSABLE),
    RATE_LIMIT_EXCEEDED(4290, 429, Msg.RATE_LIMITED),
    MATERIAL_NOT_FOUND(4404, 404, Msg.MATERIAL_NOT_FOUND),
    INTERNAL_ERROR(5001, 500, Msg.INTERNAL_ERROR),
    SERVICE_UNAVAILABLE(5030, 503, Msg.SERVICE_UNAVAILABLE);

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

    /**
     * The business code of an error: this service's own by name, a platform code by its name, else what its
     * status means ({@link ErrorCodes#forStatus}).
     */
    public static BusinessCode of(String errorCode, int status) {
        return named(errorCode).or(() -> named(ErrorCodes.forStatus(status)))
                .orElse(status >= 500 ? INTERNAL_ERROR : VALIDATION_ERROR);
    }

    private static java.util.Optional<BusinessCode> named(String name) {
        return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst();
    }
}
