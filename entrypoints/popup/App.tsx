export function App() {
  return <main>CareerTrack Clipper</main>;
}
