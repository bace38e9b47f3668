package net.sguil.bridge.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import net.sguil.bridge.sguil.DbUnreachableException;
import net.sguil.bridge.sguil.EventReader;
import net.sguil.bridge.sguil.HistoryReader;
import net.sguil.bridge.sguil.SancpReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The readers' positions on a first run, taken the moment {@code run} starts, before the rules are
 * compiled, the outbox opened or sguild connected: with {@code reader.start_at_now}, every row
 * stored from then on is read, none of those stored while the daemon gets going falls behind the
 * position. The same for {@code history} (whose first run always starts at the end): an analyst
 * who escalates an alert while the daemon starts is answered. Later starts find the position
 * files and leave them alone. If the database does not answer yet, the engine loop takes the
 * positions when it first reaches it (and reports the database then; a configuration error found
 * after this point stays the one line the operator sees).
 */
final class FirstRunPositions {
    private static final Logger LOG = LoggerFactory.getLogger(FirstRunPositions.class);
    static final String EVENT = "event.position";
    static final String SANCP = "sancp.position";
    static final String HISTORY = "history.position";

    private FirstRunPositions() {
    }

    static void take(DaemonSettings settings) throws IOException {
        Path state = Files.createDirectories(settings.stateDir());
        if (Files.exists(state.resolve(EVENT)) && Files.exists(state.resolve(SANCP))
                && Files.exists(state.resolve(HISTORY))) {
            return;
        }
        try (Connection c = settings.db().connect()) {
            new EventReader(c, state.resolve(EVENT), settings.sensors(), settings.readerLimits()).start();
            new SancpReader(c, state.resolve(SANCP), settings.sensors(), settings.readerLimits()).start();
            new HistoryReader(c, state.resolve(HISTORY), settings.sensors(), settings.readerLimits()).start();
        } catch (DbUnreachableException | SQLException e) {
            // not an error yet: the engine loop reports the database when its polls fail
            LOG.debug("the readers' first positions are taken when the database answers: {}", e.getMessage());
        }
    }
}
