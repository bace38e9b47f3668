package net.sguil.bridge.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import net.sguil.bridge.files.AttachmentStore;
import net.sguil.bridge.files.StoredFile;
import net.sguil.bridge.mime.FileHandler;
import net.sguil.bridge.mime.MimeFile;

/** The MIME analyzer's files of one message, written to the message's directory of the store. */
final class StoredFiles implements FileHandler {
    private final AttachmentStore store;
    private final String subdir;
    private final Map<String, StoredFile> byLocation = new HashMap<>();

    StoredFiles(AttachmentStore store, String subdir) {
        this.store = store;
        this.subdir = subdir;
    }

    @Override
    public String file(MimeFile file, InputStream decoded) throws IOException {
        StoredFile f = store.store(subdir, file.name(), decoded);
        String location = f.path().toString();
        byLocation.put(location, f);
        return location;
    }

    /** What was written for the file the analyzer reported at {@code location}. */
    StoredFile at(String location) {
        return byLocation.get(location);
    }
}
