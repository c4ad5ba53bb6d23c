package io.github.camelsaas.common.http;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SaasHttpMessagesTest {

    private static final URI URI_WITH_QUERY = URI.create("https://api.example.com/v1/objects?access_token=secret");

    @Test
    void factoriesSetMethodBodyAndContentType() {
        byte[] body = "{}".getBytes(UTF_8);

        assertThat(SaasHttpRequest.get(URI_WITH_QUERY)).returns("GET", SaasHttpRequest::method)
                .returns(false, SaasHttpRequest::hasBody).returns(null, SaasHttpRequest::body);
        assertThat(SaasHttpRequest.delete(URI_WITH_QUERY).method()).isEqualTo("DELETE");
        assertThat(SaasHttpRequest.post(URI_WITH_QUERY, body, "application/json"))
                .returns("POST", SaasHttpRequest::method)
                .returns(2, SaasHttpRequest::bodyLength)
                .returns("application/json", SaasHttpRequest::contentType);
        assertThat(SaasHttpRequest.put(URI_WITH_QUERY, body, "application/json").method()).isEqualTo("PUT");
        assertThat(SaasHttpRequest.patch(URI_WITH_QUERY, body, "application/json").method()).isEqualTo("PATCH");
    }

    @Test
    void requestBodyIsCopiedInAndOut() {
        byte[] body = "{\"a\":1}".getBytes(UTF_8);
        SaasHttpRequest request = SaasHttpRequest.post(URI_WITH_QUERY, body, "application/json");

        body[0] = 'X';
        request.body()[1] = 'Y';

        assertThat(new String(request.body(), UTF_8)).isEqualTo("{\"a\":1}");
    }

    @Test
    void headersKeepOrderAndLookupIgnoresCase() {
        SaasHttpRequest request = SaasHttpRequest.builder("GET", URI_WITH_QUERY)
                .header("X-B", "1").header("x-a", "2").header("X-B", "3").build();

        assertThat(request.headers()).extracting(SaasHttpHeader::name).containsExactly("X-B", "x-a", "X-B");
        assertThat(request.header("x-b")).isEqualTo("1");
        assertThat(request.header("X-A")).isEqualTo("2");
        assertThat(request.header("X-C")).isNull();
    }

    @Test
    void withHeaderReplacesEveryValueInPlaceOrAppends() {
        SaasHttpRequest request = SaasHttpRequest.builder("GET", URI_WITH_QUERY)
                .header("authorization", "old1").header("X-Other", "o").header("Authorization", "old2").build();

        SaasHttpRequest replaced = request.withHeader("Authorization", "Bearer new");
        SaasHttpRequest appended = request.withHeader("X-New", "n");

        assertThat(replaced.headers()).extracting(h -> h.name() + "=" + h.value())
                .containsExactly("Authorization=Bearer new", "X-Other=o");
        assertThat(appended.headers()).hasSize(4).last().returns("X-New", SaasHttpHeader::name);
        assertThat(request.headers()).hasSize(3);
    }

    @Test
    void headersTheTransportDerivesAreRefused() {
        SaasHttpRequest.Builder builder = SaasHttpRequest.builder("POST", URI_WITH_QUERY);

        assertThatThrownBy(() -> builder.header("Content-Type", "application/json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header Content-Type is set by the transport; give the content type with the body");
        assertThatThrownBy(() -> builder.header("content-length", "3"))
                .hasMessage("header content-length is set by the transport");
        assertThatThrownBy(() -> builder.header("Content-Encoding", "gzip")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.header("Transfer-Encoding", "chunked")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.header("Host", "evil")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SaasHttpRequest.get(URI_WITH_QUERY).withHeader("Host", "evil"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidRequestsAreRefused() {
        assertThatThrownBy(() -> SaasHttpRequest.get(URI.create("/relative")))
                .hasMessageStartingWith("request URI must be an absolute http or https URI");
        assertThatThrownBy(() -> SaasHttpRequest.get(URI.create("ftp://host/file")))
                .hasMessageStartingWith("request URI must be an absolute http or https URI");
        assertThatThrownBy(() -> SaasHttpRequest.builder("get", URI_WITH_QUERY))
                .hasMessageStartingWith("invalid HTTP method 'get'");
        assertThatThrownBy(() -> SaasHttpRequest.post(URI_WITH_QUERY, new byte[1], null))
                .hasMessage("a request body needs a content type");
        assertThatThrownBy(() -> SaasHttpRequest.builder("GET", URI_WITH_QUERY).header("X-Injected", "a\r\nHost: b"))
                .hasMessage("value of header X-Injected contains a line break");
        assertThatThrownBy(() -> SaasHttpRequest.builder("GET", URI_WITH_QUERY).header("Bad Name", "v"))
                .hasMessage("invalid header name 'Bad Name'");
    }

    @Test
    void requestShowsNeitherQueryNorHeaders() {
        SaasHttpRequest request = SaasHttpRequest.builder("POST", URI_WITH_QUERY)
                .header("Authorization", "Bearer t-1")
                .body(new byte[12], "application/json")
                .build();

        assertThat(request.path()).isEqualTo("/v1/objects");
        assertThat(request.toString()).isEqualTo("POST /v1/objects (12 bytes application/json)");
        assertThat(request.headers().get(0).toString()).isEqualTo("Authorization: ...");
        assertThat(SaasHttpRequest.get(URI.create("https://host")).path()).isEqualTo("/");
    }

    @Test
    void responseLooksUpHeadersIgnoringCaseFirstValueFirst() {
        SaasHttpResponse response = new SaasHttpResponse(429, List.of(
                new SaasHttpHeader("Retry-After", "3"),
                new SaasHttpHeader("X-Multi", "a"),
                new SaasHttpHeader("x-multi", "b")), "{\"é\":1}".getBytes(UTF_8));

        assertThat(response.header("retry-after")).isEqualTo("3");
        assertThat(response.header("X-MULTI")).isEqualTo("a");
        assertThat(response.headerValues("x-multi")).containsExactly("a", "b");
        assertThat(response.header("Missing")).isNull();
        assertThat(response.headerValues("Missing")).isEmpty();
        assertThat(response.bodyAsString()).isEqualTo("{\"é\":1}");
        assertThat(response.isSuccessful()).isFalse();
        assertThat(response.toString()).isEqualTo("SaasHttpResponse[status=429, bodyLength=8]");
    }

    @Test
    void responseBodyIsCopiedAndNeverNull() {
        byte[] body = "abc".getBytes(UTF_8);
        SaasHttpResponse response = new SaasHttpResponse(200, List.of(), body);
        body[0] = 'X';
        response.body()[1] = 'Y';

        assertThat(response.bodyAsString()).isEqualTo("abc");
        assertThat(new SaasHttpResponse(204, List.of(), null).body()).isEmpty();
        assertThat(SaasHttpResponse.of(201, "{}", "Location", "/v1/x"))
                .returns(true, SaasHttpResponse::isSuccessful)
                .returns("/v1/x", r -> r.header("location"));
        assertThatThrownBy(() -> new SaasHttpResponse(42, List.of(), null)).hasMessage("invalid HTTP status 42");
    }
}
