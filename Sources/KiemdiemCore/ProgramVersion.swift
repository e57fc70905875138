/// The program's version, printed by `kiemdiem --version` and carried in every result package
/// (docs/contract.md §6), so the level above knows which program counted a board's results.
public enum ProgramVersion {
    public static let current = "0.1.0"
}
