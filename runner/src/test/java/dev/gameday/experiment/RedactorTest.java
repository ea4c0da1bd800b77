package dev.gameday.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RedactorTest {
    /** Secrets with the characters encoders treat differently: spaces, quotes, slashes, +, ~, non-ASCII. */
    static Stream<String> secrets() {
        return Stream.of("s3cr3t-Token_42", "pa ss/wo+rd~\"q\"\\é€😀", "tab\tnew\nline", "abcd");
    }

    @Test
    void replacesEverySecretLongestFirst() {
        Redactor r = Redactor.of(List.of("abc", "abcdef", ""));
        assertThat(r.redact("x abcdef y abc z")).isEqualTo("x *** y *** z");
        assertThat(r.redact(null)).isNull();
    }

    @Test
    void noneChangesNothing() {
        assertThat(Redactor.NONE.redact("abc")).isEqualTo("abc");
        assertThat(Redactor.of(Arrays.asList((String) null)).redact("abc")).isEqualTo("abc");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String text = "ordinary text, 42 % done + more: \\u0041 %41 czy3 Y3p5";
        assertThat(Redactor.of(List.of("s3cr3t", "xyzw")).redact(text)).isSameAs(text);
    }

    @ParameterizedTest
    @MethodSource("secrets")
    void masksTheSecretHoweverItIsEncoded(String secret) throws Exception {
        Redactor r = Redactor.of(List.of(secret));
        byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
        String formPlus = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        String percent20 = formPlus.replace("+", "%20");
        List<String> forms = List.of(
                secret,
                json(new ObjectMapper(), secret),
                json(JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build(), secret),
                formPlus,
                percent20,
                lowerHex(formPlus),
                lowerHex(percent20),
                new String(utf8, StandardCharsets.ISO_8859_1),
                Base64.getEncoder().encodeToString(utf8),
                Base64.getEncoder().withoutPadding().encodeToString(utf8),
                Base64.getUrlEncoder().encodeToString(utf8),
                Base64.getUrlEncoder().withoutPadding().encodeToString(utf8));
        for (String form : forms) {
            assertThat(r.redact("before " + form + " after")).as(form).isEqualTo("before *** after");
        }
    }

    @ParameterizedTest
    @MethodSource("secrets")
    void masksTheSecretInsideALongerBase64Text(String secret) {
        Redactor r = Redactor.of(List.of(secret));
        for (String user : List.of("a", "ab", "abc")) {
            // Authorization: Basic base64(user:secret), whatever the alignment of the secret
            String basic = Base64.getEncoder().encodeToString((user + ":" + secret + "!").getBytes(StandardCharsets.UTF_8));
            String redacted = r.redact("Basic " + basic);
            assertThat(redacted).as(basic).contains(Redactor.MASK);
            int masked = basic.length() - redacted.replace("Basic ", "").replace(Redactor.MASK, "").length();
            // every character encoding the secret's bits alone, but at most one it shares with a neighbour
            int secretBytes = secret.getBytes(StandardCharsets.UTF_8).length;
            assertThat(masked).as(redacted).isGreaterThanOrEqualTo(8 * secretBytes / 6 - 1);
        }
    }

    @Test
    void masksTheSecretInAJsonBodyAProbeReceived() throws Exception {
        String secret = "pa\"ss/wo\\rd";
        String body = new ObjectMapper().writeValueAsString(java.util.Map.of("error", "401 for " + secret));
        assertThat(Redactor.of(List.of(secret)).redact(body)).isEqualTo("{\"error\":\"401 for ***\"}");
    }

    private static String json(ObjectMapper mapper, String text) throws Exception {
        String quoted = mapper.disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(text);
        return quoted.substring(1, quoted.length() - 1);
    }

    private static String lowerHex(String encoded) {
        Matcher m = Pattern.compile("%[0-9A-F]{2}").matcher(encoded);
        return m.replaceAll(x -> x.group().toLowerCase(Locale.ROOT));
    }
}
