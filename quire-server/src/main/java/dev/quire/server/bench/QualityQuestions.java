package dev.quire.server.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The retrieval-quality question set over the Python 3.11 library reference (Debian's
 * {@code python3.11-doc}): questions phrased the way a user would ask them, mostly without the
 * module's name, each with the pages that answer it. Written by hand for Quire; the corpus subset
 * is every answering page plus near-miss pages (optparse next to argparse, shelve next to pickle…)
 * so a retriever has to tell neighbours apart.
 */
public final class QualityQuestions {
    /** One question and the pages (relative to the html directory) that answer it. */
    public record Question(String text, Set<String> answers) {
        public Question {
            answers = Set.copyOf(answers);
        }
    }

    private static final List<Question> QUESTIONS = List.of(
            q("How do I parse command-line options and arguments in my script?", "argparse", "optparse", "getopt"),
            q("read the rows of a CSV spreadsheet file", "csv"),
            q("send an email through an SMTP server", "smtplib"),
            q("convert a dictionary to a JSON string and back", "json"),
            q("run a shell command and capture its output", "subprocess"),
            q("check whether a string matches a pattern with wildcards like \\d+ and groups", "re"),
            q("get today's date and format it as day/month/year", "datetime", "time"),
            q("copy a whole directory tree to another location", "shutil"),
            q("create a temporary file that is deleted automatically when closed", "tempfile"),
            q("compute the SHA-256 digest of some bytes", "hashlib"),
            q("generate a hard-to-guess random token for a password reset link", "secrets"),
            q("store records in a SQL database file without running a database server", "sqlite3"),
            q("write log messages with timestamps to a file", "logging", "logging.handlers"),
            q("use several CPU cores by running a function in separate processes", "multiprocessing", "concurrent.futures"),
            q("start a background thread and wait for it to finish", "threading"),
            q("write a test case that checks a function raises an exception", "unittest"),
            q("download a web page from a URL", "urllib.request", "http.client"),
            q("serve the files of the current directory with a simple web server", "http.server"),
            q("find all files whose names end in .txt in a folder", "glob", "pathlib", "fnmatch"),
            q("split a file path into directory, base name and extension", "os.path", "pathlib"),
            q("compress a file so it takes less disk space, like gzip does", "gzip", "zlib"),
            q("extract all members of a zip archive", "zipfile"),
            q("save an arbitrary Python object to disk and load it back later", "pickle", "shelve"),
            q("count how many times each word occurs in a list", "collections"),
            q("exact arithmetic for money amounts without binary floating point rounding errors", "decimal"),
            q("compute the mean, median and standard deviation of a list of numbers", "statistics"),
            q("pick a random element from a list or shuffle it", "random"),
            q("remember the results of an expensive function so repeated calls are fast", "functools"),
            q("produce all permutations and combinations of some items", "itertools"),
            q("keep a priority queue and pop the smallest item first", "heapq", "queue"),
            q("read settings from an INI style configuration file with sections", "configparser"),
            q("parse an XML document and find the elements with a given tag", "xml.etree.elementtree"),
            q("measure how long a small snippet of code takes to execute", "timeit"),
            q("compare two texts line by line and show what changed", "difflib"),
            q("generate a universally unique identifier", "uuid"),
            q("encode binary data as ASCII text for sending in a message", "base64"),
            q("print the stack trace of the exception that was just caught", "traceback"),
            q("a class that mostly holds fields, with __init__ and __repr__ written for me", "dataclasses"),
            q("define a set of named constant values like RED, GREEN, BLUE", "enum"),
            q("open a TCP connection to a host and port and send bytes", "socket"),
            q("wrap a long paragraph of text to at most 70 characters per line", "textwrap"),
            q("make an independent copy of a nested list so changes don't affect the original", "copy"),
            q("run cleanup code when the process receives SIGTERM or Ctrl-C", "signal"),
            q("pack integers into bytes in a C struct binary layout", "struct"),
            q("insert an item into a sorted list and keep it sorted", "bisect"));

    /** Pages no question targets, chosen to sit close to answering ones (the retriever must not prefer them). */
    private static final List<String> NEIGHBOURS = List.of("os", "io", "email", "string", "math", "fractions",
            "calendar", "contextlib", "typing", "operator", "array", "sched", "select", "ssl", "tarfile",
            "html.parser", "zipimport", "stat", "filecmp", "codecs");

    private QualityQuestions() {
    }

    public static List<Question> questions() {
        return QUESTIONS;
    }

    /** Every answering page first (in question order), then the neighbours; at most {@code maxFiles}. */
    public static List<String> files(int maxFiles) {
        Set<String> files = new LinkedHashSet<>();
        QUESTIONS.forEach(q -> files.addAll(q.answers().stream().sorted().toList()));
        files.addAll(NEIGHBOURS.stream().map(QualityQuestions::page).toList());
        return new ArrayList<>(files).subList(0, Math.min(maxFiles, files.size()));
    }

    private static Question q(String text, String... modules) {
        Set<String> answers = new LinkedHashSet<>();
        for (String m : modules) {
            answers.add(page(m));
        }
        return new Question(text, answers);
    }

    private static String page(String module) {
        return "library/" + module + ".html";
    }
}
