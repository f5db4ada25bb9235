package app.nozzly.facilitysim.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.nozzly.platform.errors.ApiError;
import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.errors.ErrorCodes;

/** The pure rules of the specs/004 error envelope: which business code an error reads as, and its data. */
class FacilityEnvelopeRulesTest {

    private static Map<?, ?> body(ApiProblem problem) {
        return (Map<?, ?>) new FacilityEnvelope().body(new ApiError(problem.status(), problem.code(),
                problem.getMessage(), problem.details(), "req-1", Instant.EPOCH));
    }

    @Test
    void platformCodesReadAsTheirBusinessCodes() {
        assertThat(BusinessCode.of(ErrorCodes.VALIDATION_ERROR, 400)).isEqualTo(BusinessCode.VALIDATION_ERROR);
        assertThat(BusinessCode.of(ErrorCodes.UNAUTHORIZED, 401).code()).isEqualTo(4010);
        assertThat(BusinessCode.of(ErrorCodes.FORBIDDEN, 403).code()).isEqualTo(4030);
        assertThat(BusinessCode.of(ErrorCodes.NOT_FOUND, 404).code()).isEqualTo(4040);
        assertThat(BusinessCode.of(ErrorCodes.CONFLICT, 409).code()).isEqualTo(4090);
        assertThat(BusinessCode.of(ErrorCodes.RATE_LIMIT_EXCEEDED, 429).code()).isEqualTo(4290);
        assertThat(BusinessCode.of(ErrorCodes.INTERNAL_ERROR, 500).code()).isEqualTo(5001);
        assertThat(BusinessCode.of(ErrorCodes.SERVICE_UNAVAILABLE, 503).code()).isEqualTo(5030);
        assertThat(BusinessCode.of("SOMETHING_NEW", 502)).isEqualTo(BusinessCode.INTERNAL_ERROR);
        assertThat(BusinessCode.of("SOMETHING_NEW", 418)).isEqualTo(BusinessCode.VALIDATION_ERROR);
    }

    @Test
    void everyBusinessCodeAnswersWithItsOwnStatusAndEveryCodeIsUnique() {
        for (BusinessCode code : BusinessCode.values()) {
            assertThat(new FacilityException(code, Map.of(), "x").status()).isEqualTo(code.httpStatus());
            assertThat(BusinessCode.of(code.name(), code.httpStatus())).isEqualTo(code);
        }
        assertThat(List.of(BusinessCode.values()).stream().map(BusinessCode::code).distinct())
                .hasSize(BusinessCode.values().length);
    }

    @Test
    void aRefusedProductionCarriesItsDataAndAValidationItsReasons() {
        Map<?, ?> refused = body(new FacilityException(BusinessCode.NO_INFRASTRUCTURE_CONNECTION,
                Map.of("missing", List.of("POWER")), "facility f"));
        assertThat(refused.get("success")).isEqualTo(false);
        assertThat(refused.get("businessCode")).isEqualTo(4003);
        assertThat(refused.get("data")).isEqualTo(Map.of("missing", List.of("POWER")));
        Map<?, ?> invalid = body(FacilityException.invalid("origin", Msg.ONE_OF, "[MINE]"));
        assertThat(invalid.get("data")).isEqualTo(Map.of("errors",
                List.of(new FacilityEnvelope.FieldError("origin", "必须是以下之一：[MINE]"))));
        assertThat(body(FacilityException.notFound(BusinessCode.MATERIAL_NOT_FOUND, 7)).get("data")).isNull();
    }

    @Test
    void platformRefusalsBecomeFieldErrorsAndRateLimitsCamelCase() {
        assertThat(body(ApiProblem.invalidField("quantity", "must be a number")).get("data")).isEqualTo(Map.of(
                "errors", List.of(new FacilityEnvelope.FieldError("quantity", "必须为数字"))));
        assertThat(body(ApiProblem.badRequest("the request body is not valid JSON (line 1, column 2)")).get("data"))
                .isEqualTo(Map.of("errors", List.of(new FacilityEnvelope.FieldError("body",
                        "请求体不是有效的 JSON（第1行，第2列）"))));
        Map<?, ?> limited = body(new ApiProblem(429, ErrorCodes.RATE_LIMIT_EXCEEDED, "spent",
                Map.of("limit", 10, "window_seconds", 60L, "retry_after", 12L)));
        assertThat(limited.get("businessCode")).isEqualTo(4290);
        assertThat(limited.get("data")).isEqualTo(Map.of("limit", 10, "windowSeconds", 60L, "retryAfterSeconds", 12L));
        assertThat(body(new ApiProblem(500, ErrorCodes.INTERNAL_ERROR, "boom", Map.of())).get("data"))
                .isEqualTo(Map.of("requestId", "req-1"));
    }

    @Test
    void platformReasonsAreChineseUnlessEnglishIsAskedAndUnknownOnesStay() {
        assertThat(PlatformReasons.translate("unknown field; accepted: facilityId, quantity", Lang.ZH))
                .isEqualTo("未知字段；可接受的字段：facilityId, quantity");
        assertThat(PlatformReasons.translate("must be one of MINE, FARM", Lang.ZH)).isEqualTo("必须是以下之一：MINE, FARM");
        assertThat(PlatformReasons.translate("must have at most 20 decimal places", Lang.ZH)).isEqualTo("最多允许20位小数");
        assertThat(PlatformReasons.translate("must be a number", Lang.EN)).isEqualTo("must be a number");
        assertThat(PlatformReasons.translate("something new", Lang.ZH)).isEqualTo("something new");
        assertThat(PlatformReasons.fieldOf("query parameter search must not contain control characters"))
                .isEqualTo("search");
    }

    @Test
    void languageComesFromTheBestAcceptedRange() {
        assertThat(LanguageResolver.fromAcceptLanguage("fr, en;q=0.8, zh;q=0.5")).contains(Lang.EN);
        assertThat(LanguageResolver.fromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).contains(Lang.ZH);
        assertThat(LanguageResolver.fromAcceptLanguage("en;q=0, zh-TW;q=0.1")).contains(Lang.ZH);
        assertThat(LanguageResolver.fromAcceptLanguage("fr, de")).isEmpty();
        assertThat(Lang.parse("EN-us")).contains(Lang.EN);
    }

    @Test
    void aDateBoundIsAWholeDayOrAnInstantWithinYearsOneTo9999() {
        DateBound day = DateBound.parse("2025-09-06");
        assertThat(day.from()).isEqualTo(OffsetDateTime.parse("2025-09-06T00:00:00Z"));
        assertThat(day.until()).isEqualTo(OffsetDateTime.parse("2025-09-07T00:00:00Z"));
        DateBound instant = DateBound.parse("2025-09-06T08:30:00+02:00");
        assertThat(instant.from()).isEqualTo(instant.until()).isEqualTo(OffsetDateTime.parse("2025-09-06T08:30:00+02:00"));
        for (String bad : List.of("0000-01-01", "10000-01-01", "2025-02-30", "yesterday", "+10000-01-01T00:00:00Z")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DateBound.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
