package io.tollgate.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactedTest {

    @Test
    void a_secret_shows_only_whether_it_is_set() {
        assertThat(Redacted.secret("hunter2")).isEqualTo("<redacted>");
        assertThat(Redacted.secret(" ")).isEqualTo("<unset>");
        assertThat(Redacted.secret(null)).isEqualTo("<unset>");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            redis://app:s3cret@host:6379/0              | redis://app:<redacted>@host:6379/0
            redis://:s3cret@host:6379                   | redis://:<redacted>@host:6379
            rediss://s3cret@host                        | rediss://<redacted>@host
            redis://app:p@ss:w0rd@host:6379?timeout=1s  | redis://app:<redacted>@host:6379?timeout=1s
            redis://host:6379/0                         | redis://host:6379/0
            redis://host:6379/0?note=a@b                | redis://host:6379/0?note=a@b
            http://localhost:8082                       | http://localhost:8082
            NULL                                        | ''
            """)
    void a_url_keeps_everything_but_its_password(String url, String shown) {
        assertThat(Redacted.url(url)).isEqualTo(shown);
    }
}
