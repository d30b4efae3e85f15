package io.tollgate.gateway.metering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientTagsTest {

    @Test
    void tags_are_sorted_and_trimmed_into_one_canonical_form() {
        assertThat(ClientTags.canonical(" team=search ,env=prod")).hasValue("env=prod,team=search");
        assertThat(ClientTags.canonical(null)).hasValue("");
    }

    @Test
    void malformed_tags_are_refused() {
        assertThat(ClientTags.canonical("team")).isEmpty();
        assertThat(ClientTags.canonical("team=a b")).isEmpty();
        assertThat(ClientTags.canonical("a=1,b=2,c=3,d=4,e=5,f=6,g=7,h=8,i=9,j=10,k=11")).isEmpty();
    }
}
