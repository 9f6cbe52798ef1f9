import Logging

/// The process-wide logger set-up.
public enum AppLogger {
    public static func make(level: Logger.Level) -> Logger {
        var logger = Logger(label: "dailypapers")
        logger.logLevel = level
        return logger
    }
}
