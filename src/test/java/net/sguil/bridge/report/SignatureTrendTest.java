package net.sguil.bridge.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.sguil.bridge.sguil.SguilTestData;
import net.sguil.bridge.sguil.TestDatabase;
import org.junit.jupiter.api.Test;

class SignatureTrendTest {
    static final LocalDate D0 = LocalDate.of(2006, 6, 1);

    @Test
    void medianCountsDaysWithoutAlertsAsZeroAndRatioStaysDefined() {
        List<TrendRow> rows = SignatureTrend.compute(Map.of(D0, 5L, D0.plusDays(2), 4L), null, null, 3);
        assertThat(rows).containsExactly(
                new TrendRow(D0, 5, 0, 5.0),                 // nothing before: ratio = count
                new TrendRow(D0.plusDays(1), 0, 0, 0.0),      // [0,0,5] -> 0
                new TrendRow(D0.plusDays(2), 4, 0, 4.0));     // [0,5,0] -> 0
        assertThat(SignatureTrend.median(new long[] {1, 4, 2, 3})).isEqualTo(2.5);
        assertThat(SignatureTrend.compute(Map.of(), null, null, 7)).isEmpty();
    }

    /** The blog's table: a signature firing 3 times a day for weeks, then 2006, then 1301. */
    @Test
    void reproducesTheBlogsNumbersFromTheDatabase() throws Exception {
        String sig = "ET POLICY Suspicious User-Agent";
        try (TestDatabase db = TestDatabase.createWithSchema(); Connection c = db.connect()) {
            SguilTestData d = new SguilTestData(c);
            int sid = d.sensor("s1");
            long cid = 1;
            for (int day = 0; day < 21; day++) {
                d.events("s1", sid, cid, 3, sig, 2003182, D0.plusDays(day) + "T12:00:00Z");
                cid += 3;
            }
            d.events("s1", sid, cid, 2006, sig, 2003182, D0.plusDays(21) + "T00:00:00Z");
            cid += 2006;
            d.events("s1", sid, cid, 1301, sig, 2003182, D0.plusDays(22) + "T23:59:59Z");
            cid += 1301;
            d.events("s1", sid, cid, 9, "another signature", 1, D0.plusDays(22) + "T10:00:00Z");

            List<TrendRow> all = SignatureTrendReport.run(c, new SignatureTrendReport.ByText(sig), null, null, 7);
            assertThat(all).hasSize(23);
            assertThat(all.get(0)).isEqualTo(new TrendRow(D0, 3, 0, 3.0));
            assertThat(all.get(20)).isEqualTo(new TrendRow(D0.plusDays(20), 3, 3, 1.0));
            TrendRow jump = all.get(21);
            assertThat(jump.count()).isEqualTo(2006);
            assertThat(jump.medianBefore()).isEqualTo(3);
            assertThat(jump.ratio()).isCloseTo(668.67, within(0.01));
            TrendRow after = all.get(22);
            assertThat(after.count()).isEqualTo(1301);
            assertThat(after.medianBefore()).isEqualTo(3);   // one burst does not move the median
            assertThat(after.ratio()).isCloseTo(433.67, within(0.01));

            List<TrendRow> window = SignatureTrendReport.run(c, new SignatureTrendReport.BySid(2003182),
                    D0.plusDays(20), D0.plusDays(24), 7);
            assertThat(window).extracting(TrendRow::count).containsExactly(3L, 2006L, 1301L, 0L, 0L);
            assertThat(window).extracting(TrendRow::medianBefore).containsExactly(3.0, 3.0, 3.0, 3.0, 3.0);
        }
    }
}
