export default function Home() {
  return <main><h1>Arbor</h1></main>;
}
