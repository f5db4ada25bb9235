package app.nozzly.facilitysim.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The specs/004 envelope of a successful answer, {success: true, businessCode: 2000, message, data}; errors are
 * written by {@link FacilityEnvelope}.
 */
public record ApiResponse<T>(@Schema(required = true) boolean success, @Schema(required = true) int businessCode,
        @Schema(required = true) String message, @Schema(required = true) T data) {

    public static <T> ApiResponse<T> ok(String message, T data) {
        return new ApiResponse<>(true, BusinessCode.SUCCESS.code(), message, data);
    }
}
