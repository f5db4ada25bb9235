package app.nozzly.k8s.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The path, duration and address arithmetic the gateway rules rest on. */
class GatewayRulesTest {

    @Test
    void prefixesCoverPathsElementByElement() {
        assertThat(GatewayRules.covers("/api/v1/production/", "/api/v1/production/ws")).isTrue();
        assertThat(GatewayRules.covers("/ws", "/ws")).isTrue();
        assertThat(GatewayRules.covers("/ws", "/wsx")).isFalse();
        assertThat(GatewayRules.covers("/", "/q")).isTrue();
        assertThat(GatewayRules.covers("/q/", "/q")).isTrue();
        assertThat(GatewayRules.covers("/api/v1/spools", "/q")).isFalse();
    }

    @Test
    void gatewayApiDurationsParseAndMalformedOnesDoNot() {
        assertThat(GatewayRules.duration("300s")).contains(Duration.ofMinutes(5));
        assertThat(GatewayRules.duration("1m30s")).contains(Duration.ofSeconds(90));
        assertThat(GatewayRules.duration("250ms")).contains(Duration.ofMillis(250));
        assertThat(GatewayRules.duration("30")).isEmpty();
        assertThat(GatewayRules.duration("")).isEmpty();
    }

    @Test
    void trustedProxyEntriesAreAddressesCidrsOrHostNames() {
        assertThat(TrustedProxy.prefixLength("10.0.0.0/8")).contains(8);
        assertThat(TrustedProxy.prefixLength("192.168.1.7")).contains(32);
        assertThat(TrustedProxy.prefixLength("fd00::/8")).contains(8);
        assertThat(TrustedProxy.prefixLength("0.0.0.0/0")).contains(0);
        assertThat(TrustedProxy.prefixLength("envoy.envoy-gateway-system.svc")).isPresent();
        assertThat(TrustedProxy.prefixLength("10.0.0.300")).isEmpty();
        assertThat(TrustedProxy.prefixLength("10.0.0.0/33")).isEmpty();
        assertThat(TrustedProxy.prefixLength("*")).isEmpty();
        assertThat(TrustedProxy.isLoopback("127.0.0.1")).isTrue();
        assertThat(TrustedProxy.isLoopback("10.0.0.0/8")).isFalse();
    }
}
