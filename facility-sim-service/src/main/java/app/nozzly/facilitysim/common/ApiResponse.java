package app.nozzly.facilitysim.common;

/** The response envelope of specs/004 for every answer, success or error: {success, businessCode, message, data}. */
public record ApiResponse<T>(boolean success, int businessCode, String message, T data) {

    public static <T> ApiResponse<T> ok(String message, T data) {
        return new ApiResponse<>(true, BusinessCode.SUCCESS.code(), message, data);
    }

    public static <T> ApiResponse<T> error(BusinessCode code, String message, T data) {
        return new ApiResponse<>(false, code.code(), message, data);
    }
}
