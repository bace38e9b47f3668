package net.sguil.bridge.facts;

/**
 * What the stored bytes of a file are: their size, hashes and detected type.
 *
 * @param magic    short type name from the first bytes: {@code pe}, {@code elf}, {@code pdf}, {@code zip}, …
 *                 ({@code data} when unknown)
 * @param mimeType the type Apache Tika detects from the first bytes, as Zeek's {@code mime_type}
 */
public record FileContent(long size, String md5, String sha1, String sha256, String magic, String mimeType) {
}
