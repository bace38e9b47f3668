package net.sguil.bridge.mime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sguil.bridge.files.AttachmentStore;
import net.sguil.bridge.files.StoredFile;

/**
 * A MIME analysis whose files went to an {@link AttachmentStore}, seen the way the MIME tests ask
 * about it: what the analyzer found joined with what was written for each file.
 */
record StoredAnalysis(AnalyzedMessage analyzed, List<Attachment> attachments) {
    static final String COMPLETE = "complete";
    static final String TRUNCATED = "truncated";

    /** One file as found and as stored. */
    record Attachment(FoundFile found, StoredFile stored) {
        String getFilename() { return found.file().name(); }
        String getContentType() { return found.file().contentType(); }
        String getMagic() { return stored.magic(); }
        long getSize() { return stored.size(); }
        String getMd5() { return stored.md5(); }
        String getSha1() { return stored.sha1(); }
        String getSha256() { return stored.sha256(); }
        String getState() { return found.truncated() ? TRUNCATED : COMPLETE; }
        String getStored() { return stored.path().toString(); }
        String getMimeType() { return stored.mimeType(); }
        String getIncomplete() { return found.incomplete(); }
        int getDepth() { return found.file().depth(); }
        int getParent() { return found.file().parent(); }
    }

    static StoredAnalysis analyze(MessageAnalyzer analyzer, Path message, boolean gap, AttachmentStore store,
                                  String subdir) throws IOException {
        Map<String, StoredFile> written = new HashMap<>();
        AnalyzedMessage a = analyzer.analyze(message, gap, (file, decoded) -> {
            StoredFile f = store.store(subdir, file.name(), decoded);
            written.put(f.path().toString(), f);
            return f.path().toString();
        });
        return new StoredAnalysis(a, a.files().stream().map(f -> new Attachment(f, written.get(f.location()))).toList());
    }

    MessageHeaders message() { return analyzed.headers(); }
    boolean truncated() { return analyzed.truncated(); }
    String incomplete() { return analyzed.incomplete(); }
    MimeEntity skeleton() { return analyzed.skeleton(); }
    String skeletonText() { return analyzed.skeletonText(); }
}
