/**
 * MIME analysis of spooled messages: walks the entity tree within
 * {@link net.sguil.bridge.mime.MimeLimits}, decodes each file and hands its bytes to a
 * {@link net.sguil.bridge.mime.FileHandler}, renders a {@code dump_skeleton}-style tree; weirds in
 * {@link net.sguil.bridge.mime.MimeWeird}. Imports only {@code bytes} and {@code weird}.
 */
package net.sguil.bridge.mime;
