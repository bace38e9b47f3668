package net.sguil.bridge.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportOutputTest {
    static final List<String> COLS = List.of("name", "n", "x");
    static final List<List<Object>> ROWS = List.of(
            List.of("a, \"b\"", 12345L, new BigDecimal("1E+2")),
            List.of("c", 7L, new BigDecimal("2.50")));

    static String render(ReportOutput.Format f) {
        StringWriter sw = new StringWriter();
        ReportOutput.write(new PrintWriter(sw), f, COLS, ROWS);
        return sw.toString();
    }

    @Test
    void tableAlignsNumbersRight() {
        assertThat(render(ReportOutput.Format.TABLE)).isEqualTo(
                "name        n     x\n"
                        + "------  -----  ----\n"
                        + "a, \"b\"  12345   100\n"
                        + "c           7  2.50\n");
    }

    @Test
    void csvQuotesWhatNeedsQuotingAndNumbersArePlain() {
        assertThat(render(ReportOutput.Format.CSV)).isEqualTo("name,n,x\n\"a, \"\"b\"\"\",12345,100\nc,7,2.50\n");
    }

    @Test
    void jsonIsOneObjectPerRowWithPlainNumbers() {
        assertThat(render(ReportOutput.Format.JSON)).isEqualTo(
                "{\"name\":\"a, \\\"b\\\"\",\"n\":12345,\"x\":100}\n{\"name\":\"c\",\"n\":7,\"x\":2.50}\n");
    }
}
